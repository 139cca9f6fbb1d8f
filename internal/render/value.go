package render

import "strconv"

// How one value is turned into bytes, as the stock 3.53 shell's Query
// Result Formatter (ext/qrf) does it: integers in decimal, REALs as
// SQLite's own text conversion (sqlite3_column_text), NULL as the mode's
// null text, TEXT through the mode's text encoding, BLOBs through its blob
// encoding. Text is C text there: it ends at its first NUL byte.

// valueFormat is what appendValue needs to know about the spec, its
// "auto" settings resolved.
type valueFormat struct {
	text      TextEnc
	blob      BlobEnc
	esc       Esc // EscOff, EscASCII or EscSymbol
	null      string
	colSep    string // CSV quotes a field that contains it
	jsonb     bool   // show JSONB blobs as JSON
	jsonText  func([]byte) (string, bool)
	charLimit int
}

// cText is b as C sees it: up to its first NUL.
func cText(b []byte) []byte {
	for i, c := range b {
		if c == 0 {
			return b[:i]
		}
	}
	return b
}

// appendValue appends the rendering of column col of the current row
// (qrfRenderValue), cut to f.charLimit characters with "..." after.
func appendValue(dst []byte, stmt Rows, col int, f *valueFormat) []byte {
	start := len(dst)
	dst = appendRawValue(dst, stmt, col, f)
	if f.charLimit > 0 && len(dst)-start > f.charLimit {
		dst = limitChars(dst, start, f.charLimit)
	}
	return dst
}

func appendRawValue(dst []byte, stmt Rows, col int, f *valueFormat) []byte {
	switch stmt.ColumnType(col) {
	case Integer:
		return strconv.AppendInt(dst, stmt.ColumnInt64(col), 10)
	case Float:
		// SQLite's own REAL-to-text conversion, as the stock shell uses.
		return append(dst, stmt.ColumnRawText(col)...)
	case Null:
		return append(dst, f.null...)
	case Blob:
		if f.jsonb && f.jsonText != nil {
			if b := stmt.ColumnRawBlob(col); jsonbQuickCheck(b) {
				if js, ok := f.jsonText(b); ok {
					if f.text == TextSQL {
						dst = append(dst, "jsonb("...)
						dst = appendText(dst, cText([]byte(js)), f)
						return append(dst, ')')
					}
					return appendText(dst, cText([]byte(js)), f)
				}
			}
		}
		switch f.blob {
		case BlobSQL:
			return appendHexBlob(dst, stmt.ColumnRawBlob(col))
		case BlobHex:
			for _, c := range stmt.ColumnRawBlob(col) {
				dst = append(dst, hexDigits[c>>4], hexDigits[c&15])
			}
			return dst
		case BlobJSON:
			return appendEscapedBlob(dst, stmt.ColumnRawBlob(col), true)
		case BlobTcl:
			return appendEscapedBlob(dst, stmt.ColumnRawBlob(col), false)
		case BlobSize:
			dst = append(dst, '(')
			dst = strconv.AppendInt(dst, int64(len(stmt.ColumnRawBlob(col))), 10)
			return append(dst, "-byte blob)"...)
		}
	}
	return appendText(dst, cText(stmt.ColumnRawText(col)), f)
}

// jsonbQuickCheck tells whether a blob may be JSONB: its header's payload
// size matches its length (qrfJsonbQuickCheck).
func jsonbQuickCheck(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	x := int(b[0] >> 4)
	if x <= 11 {
		return len(b) == 1+x
	}
	n := 4 * (x - 13)
	if x < 14 {
		n = x - 11
	}
	if len(b) < 1+n {
		return false
	}
	sz := uint64(b[1])
	for i := 1; i < n; i++ {
		sz = sz<<8 + uint64(b[i+1])
	}
	return sz+uint64(n)+1 == uint64(len(b))
}

// limitChars cuts dst[start:] after limit display columns (at least 4)
// and appends "...", if it is wider.
func limitChars(dst []byte, start, limit int) []byte {
	z := dst[start:]
	limit = max(limit, 4)
	i, w := 0, 0
	for i < len(z) {
		c := z[i]
		switch {
		case c < ' ':
			if k := 0; c == 0x1b {
				if k = vt100Len(z[i:]); k > 0 {
					i += k
					continue
				}
			}
			i++
			continue
		case c < 0x80:
			w++
			if w > limit {
				break
			}
			i++
			continue
		default:
			r, size := decodeRune(z[i:])
			w += runeWidth(r)
			if w > limit {
				break
			}
			i += size
			continue
		}
		break
	}
	if w <= limit {
		return dst
	}
	return append(dst[:start+i], "..."...)
}

// appendText appends text (no NUL inside) in the format's text encoding
// (qrfEncodeText), then escapes control characters as f.esc says.
func appendText(dst, text []byte, f *valueFormat) []byte {
	start := len(dst)
	switch f.text {
	case TextRelaxed:
		if relaxable(text, f.null) {
			dst = append(dst, text...)
			break
		}
		dst = appendSQLString(dst, text, f.esc != EscOff)
	case TextSQL:
		dst = appendSQLString(dst, text, f.esc != EscOff)
	case TextCSV:
		dst = appendCSV(dst, text, f.colSep)
	case TextJSON:
		dst = appendJSONString(dst, text, true)
	case TextTcl:
		dst = appendJSONString(dst, text, false)
	case TextHTML:
		dst = appendHTML(dst, text)
	default:
		dst = append(dst, text...)
	}
	switch f.esc {
	case EscASCII:
		dst = escapeControls(dst, start, false)
	case EscSymbol:
		dst = escapeControls(dst, start, true)
	}
	return dst
}

// relaxable reports whether text can be shown unquoted in relaxed
// quoting: it does not start or end with a quote or blank, is not the
// NULL text, and does not read as a number (qrfRelaxable).
func relaxable(z []byte, null string) bool {
	if len(z) == 0 {
		return null != ""
	}
	if z[0] == '\'' || isSpace(z[0]) {
		return false
	}
	n := len(z)
	if z[n-1] == '\'' || isSpace(z[n-1]) {
		return false
	}
	if string(z) == null {
		return false
	}
	at := func(i int) byte {
		if i < n {
			return z[i]
		}
		return 0
	}
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	i := 0
	if z[0] == '-' || z[0] == '+' {
		i = 1
	}
	if string(z[i:]) == "Inf" {
		return false
	}
	if !digit(at(i)) {
		return true
	}
	i++
	for digit(at(i)) {
		i++
	}
	if i >= n {
		return false
	}
	if z[i] == '.' {
		i++
		for digit(at(i)) {
			i++
		}
		if i >= n {
			return false
		}
	}
	if z[i] == 'e' || z[i] == 'E' {
		i++
		if at(i) == '+' || at(i) == '-' {
			i++
		}
		if !digit(at(i)) {
			return true
		}
		i++
		for digit(at(i)) {
			i++
		}
	}
	return i < n
}

// needsCSVQuote reports whether c forces a CSV field into quotes: control
// characters, space, double and single quotes, DEL and every byte of a
// multi-byte UTF-8 character (the stock shell's qrfCsvQuote table).
func needsCSVQuote(c byte) bool {
	return c < 0x21 || c == '"' || c == '\'' || c >= 0x7f
}

// appendCSV quotes text when it is empty, holds a character that needs
// quoting or contains the column separator; quotes inside are doubled.
func appendCSV(dst, text []byte, colSep string) []byte {
	quote := len(text) == 0
	for _, c := range text {
		if needsCSVQuote(c) {
			quote = true
			break
		}
	}
	if !quote && containsString(text, colSep) {
		quote = true
	}
	if !quote {
		return append(dst, text...)
	}
	dst = append(dst, '"')
	for _, c := range text {
		if c == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, c)
	}
	return append(dst, '"')
}

// containsString is bytes.Contains(b, []byte(s)) without the conversion.
func containsString(b []byte, s string) bool {
	for i := 0; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			return true
		}
	}
	return false
}

// appendSQLString is SQLite's printf %Q (or %#Q when unistr is set): a
// quoted literal with ' doubled; with unistr, text holding control
// characters becomes unistr('...') with \uXXXX escapes and \ doubled.
func appendSQLString(dst, text []byte, unistr bool) []byte {
	ctrl := false
	if unistr {
		for _, c := range text {
			if c < 0x20 {
				ctrl = true
				break
			}
		}
	}
	if ctrl {
		dst = append(dst, "unistr("...)
	}
	dst = append(dst, '\'')
	for _, c := range text {
		switch {
		case c == '\'':
			dst = append(dst, '\'', '\'')
		case ctrl && c == '\\':
			dst = append(dst, '\\', '\\')
		case ctrl && c < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
		default:
			dst = append(dst, c)
		}
	}
	dst = append(dst, '\'')
	if ctrl {
		dst = append(dst, ')')
	}
	return dst
}

const hexDigits = "0123456789abcdef"

// appendJSONString writes text as a JSON string (json) or as a C/Tcl
// string (!json): the same escapes for " \ \b \f \n \r \t, and other
// control characters as \u00XX (JSON) or \ooo (Tcl). Other bytes, UTF-8
// and DEL included, are copied.
func appendJSONString(dst, text []byte, json bool) []byte {
	dst = append(dst, '"')
	for _, c := range text {
		switch c {
		case '"':
			dst = append(dst, '\\', '"')
		case '\\':
			dst = append(dst, '\\', '\\')
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			switch {
			case c >= 0x20:
				dst = append(dst, c)
			case json:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
			default:
				dst = append(dst, '\\', '0'+c>>6, '0'+(c>>3)&7, '0'+c&7)
			}
		}
	}
	return append(dst, '"')
}

// appendHTML escapes the five characters HTML gives meaning to.
func appendHTML(dst, text []byte) []byte {
	for _, c := range text {
		switch c {
		case '<':
			dst = append(dst, "&lt;"...)
		case '>':
			dst = append(dst, "&gt;"...)
		case '&':
			dst = append(dst, "&amp;"...)
		case '"':
			dst = append(dst, "&quot;"...)
		case '\'':
			dst = append(dst, "&#39;"...)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// appendHexBlob writes a blob as an SQL literal: x'00ff'.
func appendHexBlob(dst, b []byte) []byte {
	dst = append(dst, 'x', '\'')
	for _, c := range b {
		dst = append(dst, hexDigits[c>>4], hexDigits[c&15])
	}
	return append(dst, '\'')
}

// appendEscapedBlob writes every byte of a blob escaped inside a string:
// \u00XX (JSON) or \ooo (Tcl).
func appendEscapedBlob(dst, b []byte, json bool) []byte {
	dst = append(dst, '"')
	for _, c := range b {
		if json {
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
		} else {
			dst = append(dst, '\\', '0'+c>>6, '0'+(c>>3)&7, '0'+c&7)
		}
	}
	return append(dst, '"')
}

// isEscapedControl reports whether the byte at b[i] is a control character
// the shell shows as ^X: any below 0x20 except tab, newline, and a CR that
// starts a CRLF.
func isEscapedControl(b []byte, i int) bool {
	c := b[i]
	if c > 0x1f || c == '\t' || c == '\n' {
		return false
	}
	return c != '\r' || i+1 >= len(b) || b[i+1] != '\n'
}

// escapeControls rewrites dst[start:] in place, showing control
// characters as ^A, ^[, ... or, with symbols, as their Unicode pictures
// (␁, ␛, ...), as the stock shell's --escape ascii|symbol (qrfEscape).
func escapeControls(dst []byte, start int, symbols bool) []byte {
	seg := dst[start:]
	n := 0
	for i := range seg {
		if isEscapedControl(seg, i) {
			n++
		}
	}
	if n == 0 {
		return dst
	}
	out := make([]byte, 0, len(seg)+2*n)
	for i, c := range seg {
		switch {
		case !isEscapedControl(seg, i):
			out = append(out, c)
		case symbols:
			out = append(out, 0xe2, 0x90, 0x80+c)
		default:
			out = append(out, '^', 0x40+c)
		}
	}
	return append(dst[:start], out...)
}
