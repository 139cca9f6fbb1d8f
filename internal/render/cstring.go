package render

import (
	"strconv"
	"strings"
)

// Small helpers on C-like text, private copies of the session's (render
// imports none of the other packages).

// cString cuts s at its first NUL byte: names are C strings to the stock
// shell.
func cString(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

// isSpace is C's isspace() in the C locale.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// atoiOr is strconv.Atoi with a default.
func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return def
}
