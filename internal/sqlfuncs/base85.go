package sqlfuncs

import (
	"errors"

	"github.com/ncruces/go-sqlite3"
)

// base85(X) and is_base85(T) as in SQLite's ext/misc/base85.c: a blob becomes
// text in groups of 5 numerals per 4 bytes (lines of at most 80 numerals,
// each ended by a newline); text becomes a blob, any non-numeral ending a
// group. The numerals are '#'..'&' and '*'..'z', in that order.

var (
	errBase85Type   = errors.New("base85 accepts only blob or text.")
	errIsBase85Type = errors.New("is_base85 accepts only text or NULL")
)

// b85Digit returns c's value as a numeral, or -1.
func b85Digit(c byte) int {
	switch {
	case c >= '#' && c <= '&':
		return int(c - '#')
	case c >= '*' && c <= 'z':
		return int(c-'*') + 4
	}
	return -1
}

func b85Numeral(d uint32) byte {
	if d < 4 {
		return byte(d) + '#'
	}
	return byte(d-4) + '*'
}

func toBase85(in []byte) []byte {
	out := make([]byte, 0, 5*len(in)/4+len(in)/64+6)
	col := 0
	var group [5]byte
	for ; len(in) >= 4; in = in[4:] {
		v := uint32(in[0])<<24 | uint32(in[1])<<16 | uint32(in[2])<<8 | uint32(in[3])
		for i := 4; i >= 0; i-- {
			group[i] = b85Numeral(v % 85)
			v /= 85
		}
		out = append(out, group[:]...)
		if col += 5; col >= 80 {
			out = append(out, '\n')
			col = 0
		}
	}
	if len(in) > 0 {
		var v uint32
		for _, b := range in {
			v = v<<8 | uint32(b)
		}
		n := len(in) + 1
		for i := n - 1; i >= 0; i-- {
			group[i] = b85Numeral(v % 85)
			v /= 85
		}
		out = append(out, group[:n]...)
		col += n
	}
	if col > 0 {
		out = append(out, '\n')
	}
	return out
}

func fromBase85(in []byte) []byte {
	if n := len(in); n > 0 && in[n-1] == '\n' {
		in = in[:n-1]
	}
	out := make([]byte, 0, 4*len(in)/5+4)
	for len(in) > 0 {
		for len(in) > 0 && b85Digit(in[0]) < 0 {
			in = in[1:]
		}
		want := min(len(in), 5) // numerals this group may have
		if want < 2 {
			break
		}
		var v uint32
		left := want
		for left > 0 {
			c := in[0]
			in = in[1:]
			d := b85Digit(c)
			if d < 0 {
				break // a non-numeral ends the group early (and is consumed)
			}
			v = 85*v + uint32(d)
			left--
		}
		for i := want - 1 - left - 1; i >= 0; i-- {
			out = append(out, byte(v>>(8*i)))
		}
	}
	return out
}

func base85(ctx sqlite3.Context, arg ...sqlite3.Value) {
	switch arg[0].Type() {
	case sqlite3.BLOB:
		ctx.ResultRawText(toBase85(arg[0].RawBlob()))
	case sqlite3.TEXT:
		ctx.ResultBlob(fromBase85(arg[0].RawText()))
	default:
		ctx.ResultError(errBase85Type)
	}
}

func isBase85(ctx sqlite3.Context, arg ...sqlite3.Value) {
	switch arg[0].Type() {
	case sqlite3.NULL:
		return
	case sqlite3.TEXT:
	default:
		ctx.ResultError(errIsBase85Type)
		return
	}
	for _, c := range arg[0].RawText() {
		if c == 0 {
			break
		}
		if b85Digit(c) < 0 && !isCSpace(c) {
			ctx.ResultInt(0)
			return
		}
	}
	ctx.ResultInt(1)
}

// isCSpace is C's isspace in the "C" locale.
func isCSpace(c byte) bool {
	return c == ' ' || c >= '\t' && c <= '\r'
}
