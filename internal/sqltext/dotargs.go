package sqltext

import "strings"

// ParseDotArgs splits a dot-command line into its arguments the way the
// stock shell's parseDotCmdArgs does: the leading "." is dropped, a ";"
// at the end of the line (after trailing white space) is ignored,
// arguments are separated by white space, and an argument may be quoted
// with '...' (taken as is) or "..." (with C backslash escapes; \" does not
// end it). An unterminated quote runs to the end of the line.
func ParseDotArgs(line string) []string {
	args, _ := ParseDotArgOffsets(line)
	return args
}

// ParseDotArgOffsets is ParseDotArgs that also returns where each argument
// starts in line (after an opening quote): the stock shell's aiOfst, which
// its pointer-style error messages ("^--- surplus argument") point with.
func ParseDotArgOffsets(line string) (args []string, offsets []int) {
	z := strings.TrimRight(line, " \t\n\v\f\r")
	if strings.HasSuffix(z, ";") {
		z = strings.TrimRight(z[:len(z)-1], " \t\n\v\f\r")
	}
	h := 1 // skip the "."
	for h < len(z) {
		for h < len(z) && isSpace(z[h]) {
			h++
		}
		if h >= len(z) {
			break
		}
		if delim := z[h]; delim == '\'' || delim == '"' {
			h++
			start := h
			offsets = append(offsets, start)
			for h < len(z) && z[h] != delim {
				if z[h] == '\\' && delim == '"' && h+1 < len(z) {
					h++
				}
				h++
			}
			arg := z[start:h]
			if h < len(z) {
				h++ // the closing quote
			}
			if delim == '"' {
				arg = resolveBackslashes(arg)
			}
			args = append(args, CString(arg))
			continue
		}
		start := h
		offsets = append(offsets, start)
		for h < len(z) && !isSpace(z[h]) {
			h++
		}
		args = append(args, CString(z[start:h]))
	}
	return args, offsets
}

// isSpace is C's isspace() in the C locale.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// CString cuts s at its first NUL byte: the stock shell's arguments are C
// strings (a "\000" escape ends one).
func CString(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

// resolveBackslashes turns the C escapes of a "..."-quoted argument into
// the bytes they stand for: \a \b \t \n \v \f \r \" \' \\, \xHH (one or two
// hex digits) and \NNN (one to three octal digits). A backslash before any
// other character is dropped.
func resolveBackslashes(z string) string {
	if !strings.Contains(z, `\`) {
		return z
	}
	var b strings.Builder
	for i := 0; i < len(z); i++ {
		c := z[i]
		if c != '\\' || i+1 >= len(z) {
			b.WriteByte(c)
			continue
		}
		i++
		c = z[i]
		switch c {
		case 'a':
			c = '\a'
		case 'b':
			c = '\b'
		case 't':
			c = '\t'
		case 'n':
			c = '\n'
		case 'v':
			c = '\v'
		case 'f':
			c = '\f'
		case 'r':
			c = '\r'
		case 'x':
			var v byte
			for n := 0; n < 2 && i+1 < len(z) && HexDigit(z[i+1]) >= 0; n++ {
				i++
				v = v<<4 | byte(HexDigit(z[i]))
			}
			c = v
		default:
			if c >= '0' && c <= '7' {
				c -= '0'
				for n := 0; n < 2 && i+1 < len(z) && z[i+1] >= '0' && z[i+1] <= '7'; n++ {
					i++
					c = c<<3 + z[i] - '0'
				}
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// HexDigit is the value of a hex digit, or -1.
func HexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
