package sqlar

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"math/rand/v2"
	"testing"
)

// deflate is what the stock shell's sqlar_compress() stores: zlib's
// compress(), here Go's compress/zlib at the given level.
func deflate(t testing.TB, data []byte, level int) []byte {
	var b bytes.Buffer
	w, err := zlib.NewWriterLevel(&b, level)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// sample is n bytes of a kind: random (stored or literal-heavy blocks),
// text with repeats (matches, dynamic codes), runs of one byte.
func sample(r *rand.Rand, kind, n int) []byte {
	p := make([]byte, n)
	words := []string{"sqlite ", "archive ", "the ", "data ", "\n", "zlib ", "0123456789"}
	for i := 0; i < n; {
		switch kind {
		case 0:
			p[i] = byte(r.Uint32())
			i++
		case 1:
			i += copy(p[i:], words[r.IntN(len(words))])
		default:
			p[i] = byte('a' + i/1000%3)
			i++
		}
	}
	return p
}

func TestUncompressMatchesZlib(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	levels := []int{flate.NoCompression, flate.HuffmanOnly, flate.BestSpeed, 2, 5, flate.DefaultCompression, flate.BestCompression}
	for _, n := range []int{0, 1, 2, 3, 10, 100, 257, 1000, 4096, 65535, 65536, 70000, 300000} {
		for kind := range 3 {
			data := sample(r, kind, n)
			for _, level := range levels {
				z := deflate(t, data, level)
				got, err := Uncompress(z, n)
				if err != nil || !bytes.Equal(got, data) {
					t.Fatalf("n=%d kind=%d level=%d: err %v, equal %v", n, kind, level, err, bytes.Equal(got, data))
				}
				if n > 0 {
					// longer than sz: uncompress() fails with Z_BUF_ERROR
					if _, err := Uncompress(z, n-1); err != ErrData {
						t.Fatalf("n=%d kind=%d level=%d: limit n-1 gave %v", n, kind, level, err)
					}
				}
			}
		}
	}
}

// TestFixedBlock checks the fixed-code path, which Go's compressor uses
// for short inputs only: short text with matches.
func TestFixedBlock(t *testing.T) {
	data := []byte("abcabcabcabcabcabc!")
	z := deflate(t, data, flate.BestCompression)
	if z[2]>>1&3 != 1 { // BTYPE=01
		t.Fatalf("does not start with a fixed block: %x", z)
	}
	got, err := Uncompress(z, 100)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestCorrupt(t *testing.T) {
	data := sample(rand.New(rand.NewPCG(3, 4)), 1, 5000)
	z := deflate(t, data, flate.DefaultCompression)
	bad := map[string][]byte{
		"empty":      nil,
		"header":     {0x78},
		"not zlib":   []byte("hello, world"),
		"dictionary": {0x78, 0xbb, 0, 0, 0, 0},
		"truncated":  z[:len(z)/2],
		"no adler":   z[:len(z)-4],
		"bad adler":  append(append([]byte{}, z[:len(z)-1]...), z[len(z)-1]^1),
		"btype 3":    {0x78, 0x9c, 0x07},
		"stored len": {0x78, 0x01, 0x01, 0x05, 0x00, 0x00, 0x00},
	}
	for name, in := range bad {
		if out, err := Uncompress(in, 1<<20); err == nil {
			t.Errorf("%s: no error, got %d bytes", name, len(out))
		}
	}
	// Every single-bit flip fails or decodes to something; never panics.
	for i := 0; i < len(z)*8; i += 7 {
		c := append([]byte{}, z...)
		c[i/8] ^= 1 << (i % 8)
		if out, err := Uncompress(c, len(data)); err == nil && !bytes.Equal(out, data) {
			t.Errorf("bit %d: wrong data without an error (the Adler-32 should catch it)", i)
		}
	}
}

func TestAdler32(t *testing.T) {
	// RFC 1950's example value, and a long input past the 5552-byte chunks.
	if got := adler32([]byte("Wikipedia")); got != 0x11E60398 {
		t.Errorf("adler32(Wikipedia) = %x", got)
	}
	long := bytes.Repeat([]byte{0xff}, 100000)
	z := deflate(t, long, flate.BestSpeed)
	if _, err := Uncompress(z, len(long)); err != nil {
		t.Errorf("long: %v", err)
	}
}

func FuzzUncompress(f *testing.F) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, level := range []int{0, 1, 9, -2} {
		f.Add(deflate(f, sample(r, 1, 300), level), 300)
	}
	f.Add([]byte{0x78, 0x9c, 0x07}, 10)
	f.Add([]byte{0x78, 0x9c, 0xff, 0xff, 0xff}, 10)
	f.Fuzz(func(t *testing.T, in []byte, limit int) {
		if limit < 0 || limit > 1<<20 {
			return
		}
		out, err := Uncompress(in, limit)
		if err != nil {
			return
		}
		if len(out) > limit {
			t.Fatalf("%d bytes, limit %d", len(out), limit)
		}
		zr, zerr := zlib.NewReader(bytes.NewReader(in))
		if zerr != nil {
			t.Fatalf("Go's zlib refuses what we accept: %v", zerr)
		}
		var want bytes.Buffer
		if _, zerr := want.ReadFrom(zr); zerr != nil {
			t.Fatalf("Go's zlib refuses what we accept: %v", zerr)
		}
		if !bytes.Equal(out, want.Bytes()) {
			t.Fatalf("differs from Go's zlib")
		}
	})
}
