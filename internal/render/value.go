package render

import "strconv"

// How one value is turned into bytes, as the stock 3.53 shell's Query
// Result Formatter (ext/qrf) does it: integers in decimal, REALs as
// SQLite's own text conversion (sqlite3_column_text), NULL as the mode's
// null text, TEXT through the mode's text encoding, BLOBs through its blob
// encoding. Text is C text there: it ends at its first NUL byte.

// textEncoding is how TEXT values (and, in most modes, column names) are
// written.
type textEncoding int

const (
	textPlain textEncoding = iota // as is
	textCSV                       // RFC 4180 quoting when needed
	textSQL                       // 'quoted' SQL literal, unistr('...') if it holds control characters
	textJSON                      // "JSON string"
	textHTML                      // &lt; &gt; &amp; &quot; &#39;
	textTcl                       // "C/Tcl string" with \ooo escapes
)

// BlobEncoding is how BLOB values are written.
type BlobEncoding int

const (
	BlobText BlobEncoding = iota // the bytes as text (up to a NUL), then the text encoding
	BlobSQL                      // x'0a1b'
	BlobJSON                     // "\u000a\u001b"
	BlobTcl                      // "\012\033"
)

// valueFormat is what appendValue needs to know about the mode.
type valueFormat struct {
	text   textEncoding
	blob   BlobEncoding
	null   string
	colSep string // CSV quotes a field that contains it
	escape bool   // show control characters as ^X (the stock shell's "--escape ascii")
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

// appendValue appends the rendering of column col of the current row.
func appendValue(dst []byte, stmt Rows, col int, f *valueFormat) []byte {
	switch stmt.ColumnType(col) {
	case Integer:
		return strconv.AppendInt(dst, stmt.ColumnInt64(col), 10)
	case Float:
		// SQLite's own REAL-to-text conversion, as the stock shell uses.
		return append(dst, stmt.ColumnRawText(col)...)
	case Null:
		return append(dst, f.null...)
	case Blob:
		switch f.blob {
		case BlobSQL:
			return appendHexBlob(dst, stmt.ColumnRawBlob(col))
		case BlobJSON:
			return appendEscapedBlob(dst, stmt.ColumnRawBlob(col), true)
		case BlobTcl:
			return appendEscapedBlob(dst, stmt.ColumnRawBlob(col), false)
		}
	}
	return appendText(dst, cText(stmt.ColumnRawText(col)), f)
}

// appendText appends text (no NUL inside) in the format's text encoding,
// then shows control characters as ^X when f.escape is set.
func appendText(dst, text []byte, f *valueFormat) []byte {
	start := len(dst)
	switch f.text {
	case textCSV:
		dst = appendCSV(dst, text, f.colSep)
	case textSQL:
		dst = appendSQLString(dst, text, f.escape)
	case textJSON:
		dst = appendJSONString(dst, text, true)
	case textTcl:
		dst = appendJSONString(dst, text, false)
	case textHTML:
		dst = appendHTML(dst, text)
	default:
		dst = append(dst, text...)
	}
	if f.escape {
		dst = escapeControls(dst, start)
	}
	return dst
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
	if !quote && colSep != "" && containsString(text, colSep) {
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
// characters as ^A, ^[, ... (the stock shell's default "--escape ascii").
func escapeControls(dst []byte, start int) []byte {
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
	out := make([]byte, 0, len(seg)+n)
	for i, c := range seg {
		if isEscapedControl(seg, i) {
			out = append(out, '^', 0x40+c)
		} else {
			out = append(out, c)
		}
	}
	return append(dst[:start], out...)
}
