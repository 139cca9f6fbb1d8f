package sqlfuncs

import (
	"math"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// strtod(X) and dtostr(X[,N]): the shell's checks of SQLite's own number
// conversions against the C library's strtod() and printf("%#+.*e").

func strtod(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	ctx.ResultFloat(cStrtod(arg[0].Text()))
}

// cStrtod parses the longest prefix of s that C's strtod accepts (after
// leading white space: a decimal or hexadecimal number, inf, infinity or
// nan), and 0 when there is none.
func cStrtod(s string) float64 {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	sign := s[:i]
	rest := strings.ToLower(s[i:])
	switch {
	case strings.HasPrefix(rest, "nan"):
		return math.NaN()
	case strings.HasPrefix(rest, "inf"):
		if sign == "-" {
			return math.Inf(-1)
		}
		return math.Inf(1)
	}
	hex := len(rest) > 2 && rest[0] == '0' && rest[1] == 'x' && (isHexDigit(rest[2]) ||
		rest[2] == '.' && len(rest) > 3 && isHexDigit(rest[3]))
	digit, exp := isDecDigit, byte('e')
	if hex {
		i += 2
		digit, exp = isHexDigit, 'p'
	}
	start := i
	for i < len(s) && digit(s[i]) {
		i++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && digit(s[i]) {
			i++
		}
	}
	if i == start || i == start+1 && s[start] == '.' {
		return 0 // no digits
	}
	mantissa := i
	if i < len(s) && (s[i]|0x20) == exp {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDecDigit(s[j]) {
			for j < len(s) && isDecDigit(s[j]) {
				j++
			}
			i = j
		}
	}
	num := s[:i]
	if hex && i == mantissa {
		num += "p0" // Go wants the binary exponent C makes optional
	}
	f, _ := strconv.ParseFloat(num, 64) // out of range: ±Inf or 0, as strtod
	return f
}

func isDecDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHexDigit(c byte) bool {
	return isDecDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'f'
}

// dtostr(X[,N]) is printf("%#+.*e", N, X), N being 26 by default and held
// to 1..350.
func dtostr(ctx sqlite3.Context, arg ...sqlite3.Value) {
	r := arg[0].Float()
	n := 26
	if len(arg) > 1 {
		n = int(int32(arg[1].Int64()))
	}
	n = min(max(n, 1), 350)
	var s string
	switch {
	case math.IsInf(r, 1):
		s = "+inf"
	case math.IsInf(r, -1):
		s = "-inf"
	case math.IsNaN(r):
		s = "+nan"
	default:
		s = strconv.FormatFloat(r, 'e', n, 64)
		if !math.Signbit(r) {
			s = "+" + s
		}
	}
	ctx.ResultText(s)
}
