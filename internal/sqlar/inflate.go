// Package sqlar reads the zlib streams of SQLite Archives: the data that
// the stock shell's sqlar_compress() stores (zlib's compress()), inflated
// as sqlar_uncompress() does with zlib's uncompress(). It is a small
// inflater in the manner of zlib's contrib/puff (RFC 1951 deflate inside
// the RFC 1950 zlib wrapper, Adler-32 checked), because Go's compress/zlib
// would add some 110 KB to the binary. Archives hello-sqlite writes hold
// their data stored as it is (sqlar's sz == length(data) rule), so no
// compressor is needed.
package sqlar

import "errors"

// ErrData is the error for input that is not a valid zlib stream, or
// whose content is longer than the limit.
var ErrData = errors.New("error in uncompress()")

// Uncompress inflates the zlib stream src into at most limit bytes.
// Bad input is an error (ErrData), never a panic.
func Uncompress(src []byte, limit int) (out []byte, err error) {
	s := &inflater{in: src, limit: limit}
	defer func() {
		if r := recover(); r != nil {
			if r != ErrData {
				panic(r)
			}
			out, err = nil, ErrData
		}
	}()
	// RFC 1950 header: deflate (CM 8), window <= 32K, check bits, no
	// preset dictionary (uncompress() cannot supply one).
	cmf, flg := s.bits(8), s.bits(8)
	if cmf&15 != 8 || cmf>>4 > 7 || (cmf<<8|flg)%31 != 0 || flg&0x20 != 0 {
		return nil, ErrData
	}
	s.out = make([]byte, 0, min(limit, 4*len(src)+64))
	for last := 0; last == 0; {
		last = s.bits(1)
		switch s.bits(2) {
		case 0:
			s.stored()
		case 1:
			s.codes(fixedLen, fixedDist)
		case 2:
			s.dynamic()
		default:
			s.fail()
		}
	}
	s.bitbuf, s.bitcnt = 0, 0 // the Adler-32 starts at a byte boundary
	var sum uint32
	for range 4 {
		sum = sum<<8 | uint32(s.bits(8)) // big-endian
	}
	if sum != adler32(s.out) {
		return nil, ErrData
	}
	return s.out, nil
}

type inflater struct {
	in     []byte
	pos    int
	bitbuf uint32
	bitcnt uint
	out    []byte
	limit  int
}

// fail unwinds the inflater on bad input (recovered in Uncompress).
func (s *inflater) fail() { panic(ErrData) }

// bits returns the next n bits, least significant first.
func (s *inflater) bits(n uint) int {
	for s.bitcnt < n {
		if s.pos >= len(s.in) {
			s.fail()
		}
		s.bitbuf |= uint32(s.in[s.pos]) << s.bitcnt
		s.pos++
		s.bitcnt += 8
	}
	v := s.bitbuf & (1<<n - 1)
	s.bitbuf >>= n
	s.bitcnt -= n
	return int(v)
}

func (s *inflater) put(b byte) {
	if len(s.out) >= s.limit {
		s.fail() // longer than sz: uncompress()'s Z_BUF_ERROR
	}
	s.out = append(s.out, b)
}

// stored copies a block kept as it is (after its byte-aligned LEN, NLEN).
func (s *inflater) stored() {
	s.bitbuf, s.bitcnt = 0, 0
	n, nn := s.bits(16), s.bits(16)
	if n != ^nn&0xffff || s.pos+n > len(s.in) {
		s.fail()
	}
	for _, b := range s.in[s.pos : s.pos+n] {
		s.put(b)
	}
	s.pos += n
}

// huffman is a canonical code: how many codes of each length, and the
// symbols in code order.
type huffman struct {
	count  [16]int
	symbol []int
}

// newHuffman builds the code for the symbols' code lengths; left is the
// number of codes unused (0: complete), negative when over-subscribed.
func newHuffman(lengths []int) (h *huffman, left int) {
	h = &huffman{symbol: make([]int, len(lengths))}
	for _, l := range lengths {
		h.count[l]++
	}
	if h.count[0] == len(lengths) {
		return h, 0 // no codes: complete, but decoding will fail
	}
	left = 1
	for l := 1; l < 16; l++ {
		left = left<<1 - h.count[l]
		if left < 0 {
			return h, left
		}
	}
	var offs [16]int
	for l := 1; l < 15; l++ {
		offs[l+1] = offs[l] + h.count[l]
	}
	for sym, l := range lengths {
		if l != 0 {
			h.symbol[offs[l]] = sym
			offs[l]++
		}
	}
	return h, left
}

// decode reads one symbol of h, a bit at a time (codes are stored
// most significant bit first).
func (s *inflater) decode(h *huffman) int {
	code, first, index := 0, 0, 0
	for l := 1; l < 16; l++ {
		code |= s.bits(1)
		count := h.count[l]
		if code-count < first {
			return h.symbol[index+code-first]
		}
		index += count
		first = (first + count) << 1
		code <<= 1
	}
	s.fail()
	return 0
}

var (
	lenBase  = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lenExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase = [30]uint16{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
		1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

// codes decodes a compressed block's literals and matches up to its end.
func (s *inflater) codes(lencode, distcode *huffman) {
	for {
		sym := s.decode(lencode)
		switch {
		case sym < 256:
			s.put(byte(sym))
			continue
		case sym == 256:
			return
		case sym-257 >= len(lenBase):
			s.fail()
		}
		sym -= 257
		n := int(lenBase[sym]) + s.bits(uint(lenExtra[sym]))
		d := s.decode(distcode)
		if d >= len(distBase) {
			s.fail()
		}
		dist := int(distBase[d]) + s.bits(uint(distExtra[d]))
		if dist > len(s.out) {
			s.fail()
		}
		for ; n > 0; n-- {
			s.put(s.out[len(s.out)-dist])
		}
	}
}

// The fixed codes of RFC 1951 3.2.6.
var fixedLen, fixedDist = func() (*huffman, *huffman) {
	var l [288]int
	for i := range l {
		switch {
		case i < 144:
			l[i] = 8
		case i < 256:
			l[i] = 9
		case i < 280:
			l[i] = 7
		default:
			l[i] = 8
		}
	}
	var d [30]int
	for i := range d {
		d[i] = 5
	}
	lc, _ := newHuffman(l[:])
	dc, _ := newHuffman(d[:])
	return lc, dc
}()

// dynamic decodes a block with its own codes, themselves coded.
func (s *inflater) dynamic() {
	nlen, ndist, ncode := s.bits(5)+257, s.bits(5)+1, s.bits(4)+4
	if nlen > 286 || ndist > 30 {
		s.fail()
	}
	order := [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
	var lengths [320]int
	for i := 0; i < ncode; i++ {
		lengths[order[i]] = s.bits(3)
	}
	lencode, left := newHuffman(lengths[:19])
	if left != 0 {
		s.fail() // the code-length code must be complete
	}
	for i := 0; i < nlen+ndist; {
		sym := s.decode(lencode)
		if sym < 16 {
			lengths[i] = sym
			i++
			continue
		}
		l, rep := 0, 0
		switch sym {
		case 16:
			if i == 0 {
				s.fail() // nothing to repeat
			}
			l, rep = lengths[i-1], 3+s.bits(2)
		case 17:
			rep = 3 + s.bits(3)
		default:
			rep = 11 + s.bits(7)
		}
		if i+rep > nlen+ndist {
			s.fail()
		}
		for ; rep > 0; rep-- {
			lengths[i] = l
			i++
		}
	}
	if lengths[256] == 0 {
		s.fail() // no end-of-block code
	}
	// Incomplete codes are allowed only as a single code of one bit.
	lencode, left = newHuffman(lengths[:nlen])
	if left < 0 || left > 0 && nlen != lencode.count[0]+lencode.count[1] {
		s.fail()
	}
	distcode, left := newHuffman(lengths[nlen : nlen+ndist])
	if left < 0 || left > 0 && ndist != distcode.count[0]+distcode.count[1] {
		s.fail()
	}
	s.codes(lencode, distcode)
}

// adler32 is RFC 1950's checksum.
func adler32(p []byte) uint32 {
	const mod = 65521
	a, b := uint32(1), uint32(0)
	for len(p) > 0 {
		n := min(len(p), 5552) // the most bytes before b can overflow
		for _, c := range p[:n] {
			a += uint32(c)
			b += a
		}
		a, b = a%mod, b%mod
		p = p[n:]
	}
	return b<<16 | a
}
