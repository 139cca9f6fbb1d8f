package render

// Display widths for the columnar modes and line mode, estimated the way
// the stock shell does: one column per character, two for East Asian wide
// characters, none for combining marks; a tab advances to the next
// multiple of 8; VT100 escape sequences take no room.

// decodeRune decodes the UTF-8 character at b[0] (at least 0x80) the
// lenient way the stock shell does: any lead byte with the right number of
// continuation bytes is a character (overlong forms included); anything
// else is one byte standing for code 0, which is one column wide.
func decodeRune(b []byte) (r rune, size int) {
	cont := func(i int) bool { return i < len(b) && b[i]&0xc0 == 0x80 }
	switch {
	case b[0]&0xe0 == 0xc0 && cont(1):
		return rune(b[0]&0x1f)<<6 | rune(b[1]&0x3f), 2
	case b[0]&0xf0 == 0xe0 && cont(1) && cont(2):
		return rune(b[0]&0x0f)<<12 | rune(b[1]&0x3f)<<6 | rune(b[2]&0x3f), 3
	case b[0]&0xf8 == 0xf0 && cont(1) && cont(2) && cont(3):
		return rune(b[0]&0x07)<<18 | rune(b[1]&0x3f)<<12 | rune(b[2]&0x3f)<<6 | rune(b[3]&0x3f), 4
	}
	return 0, 1
}

// vt100Len is the length of the VT100 escape sequence at b (b[0] is ESC),
// or 0 if there is none.
func vt100Len(b []byte) int {
	if len(b) < 2 || b[1] != '[' {
		return 0
	}
	i := 2
	for i < len(b) && b[i] >= 0x30 && b[i] <= 0x3f {
		i++
	}
	for i < len(b) && b[i] >= 0x20 && b[i] <= 0x2f {
		i++
	}
	if i >= len(b) || b[i] < 0x40 || b[i] > 0x7e {
		return 0
	}
	return i + 1
}

// displayWidth is the width of the widest line of b and the number of
// line breaks in it.
func displayWidth(b []byte) (width, lines int) {
	n := 0
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < ' ':
			if k := 0; c == 0x1b {
				if k = vt100Len(b[i:]); k > 0 {
					i += k
					continue
				}
			}
			switch c {
			case '\t':
				n = (n + 8) &^ 7
			case '\n', '\r':
				lines++
				width = max(width, n)
				n = 0
			}
			i++
		case c < 0x80:
			n++
			i++
		default:
			r, size := decodeRune(b[i:])
			n += runeWidth(r)
			i += size
		}
	}
	return max(width, n), lines
}

// textWidth is the display width of a one-line text (line mode's column
// names, EXPLAIN's cells) as the stock shell's qrfDisplayLength counts it:
// control characters take no room, tabs included.
func textWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < ' ':
			if k := 0; c == 0x1b {
				if k = vt100Len([]byte(s[i:])); k > 0 {
					i += k
					continue
				}
			}
			i++
		case c < 0x80:
			n++
			i++
		default:
			r, size := decodeRune([]byte(s[i:]))
			n += runeWidth(r)
			i += size
		}
	}
	return n
}

// appendRightAligned appends s right-aligned in w columns, cut to w, the
// way the stock shell's qrfWidthPrint does it for line mode's names: here
// every byte below 0x80 but a VT100 escape takes a column, control
// characters too (so a name holding them is shifted, as there).
func appendRightAligned(b []byte, s string, w int) []byte {
	n, i := 0, 0
	for i < len(s) {
		c := s[i]
		if c&0xc0 == 0xc0 {
			r, size := decodeRune([]byte(s[i:]))
			x := runeWidth(r)
			if x+n > w {
				break
			}
			i += size
			n += x
			continue
		}
		if c == 0x1b {
			if k := vt100Len([]byte(s[i:])); k > 0 {
				i += k
				continue
			}
		}
		if n >= w {
			break
		}
		n++
		i++
	}
	if n < w {
		b = appendSpaces(b, w-n)
	}
	return append(b, s[:i]...)
}

// wrapLine finds how much of z fits on one line of width w: the bytes to
// show (this), their display width (wide), and where the next line starts
// (next). Lines end at \n (or \r\n); characters of no width and a line
// break right after a full line stay with it. A longer line is cut at the
// width or, wrapping words, after the last space in its second half, or
// else at the last boundary between a word and punctuation there. The
// blanks after a cut are skipped. (The stock shell's qrfWrapLine.)
func wrapLine(z []byte, w int, wordWrap bool) (this, wide, next int) {
	if len(z) == 0 {
		return 0, 0, 0
	}
	n, i := 0, 0
	var c byte
	for ; n <= w; i++ {
		if i >= len(z) {
			c = 0
			break
		}
		c = z[i]
		if c >= 0xc0 {
			r, size := decodeRune(z[i:])
			rw := runeWidth(r)
			if rw+n > w {
				break
			}
			i += size - 1
			n += rw
			continue
		}
		if c >= ' ' {
			if n == w {
				break
			}
			n++
			continue
		}
		if c == '\n' {
			break
		}
		if c == '\r' && i+1 < len(z) && z[i+1] == '\n' {
			i++
			c = '\n'
			break
		}
		if c == '\t' {
			tw := 8 - n&7
			if n+tw > w {
				break
			}
			n += tw
			continue
		}
		if c == 0x1b {
			if k := vt100Len(z[i:]); k > 0 {
				i += k - 1
				continue
			}
		}
		if n == w {
			break
		}
		n++
	}
	switch {
	case c == 0:
		return i, n, i
	case c == '\n':
		return i, n, i + 1
	}
	if wordWrap && !isSpace(z[i]) && isAlnum(c) == isAlnum(z[i]) {
		k := i - 1
		for ; k >= i/2; k-- {
			if isSpace(z[k]) {
				break
			}
		}
		if k < i/2 {
			for k = i; k >= i/2; k-- {
				if k > 0 && isAlnum(z[k-1]) != isAlnum(z[k]) && z[k]&0xc0 != 0x80 {
					break
				}
			}
		}
		if k >= i/2 {
			i = k
			n, _ = displayWidth(z[:k])
		}
	}
	this, wide = i, n
	for i < len(z) && (z[i] == ' ' || z[i] == '\t' || z[i] == '\r') {
		i++
	}
	if i == 0 {
		// Not even one character fits (a wide one in a 1-column cell):
		// show it anyway, so that the text always moves on.
		r, size := decodeRune(z)
		if z[0] < 0x80 {
			r, size = rune(z[0]), 1
		}
		return size, runeWidth(r), size
	}
	return this, wide, i
}

// isAlnum is the stock shell's qrfAlnum: ASCII letters, digits and '_'.
func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
