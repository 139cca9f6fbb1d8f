package render

import (
	"io"
	"strconv"
)

// Type is the storage class of a value, as SQLite reports it.
type Type int

const (
	Integer Type = iota + 1
	Float
	Text
	Blob
	Null
)

// Rows is a prepared statement as render reads it: the session wraps
// ncruces' *sqlite3.Stmt in it, so that this package needs no database.
// Step, Err and the Column methods mean what sqlite3.Stmt's do.
type Rows interface {
	SQL() string
	ColumnCount() int
	ColumnName(col int) string
	ColumnType(col int) Type
	ColumnInt(col int) int
	ColumnInt64(col int) int64
	ColumnText(col int) string
	ColumnRawText(col int) []byte
	ColumnRawBlob(col int) []byte
	Step() bool
	Err() error
}

// Print steps rows to the end and writes them to w as spec says, the
// way the stock 3.53 shell's result formatter (ext/qrf) does. Rows stream
// out one at a time (w is buffered by its owner) except in the columnar
// styles, which need every row to size the columns. A statement without
// result columns prints nothing. On an error the rows printed so far stay
// printed and the error is returned (columnar styles print the rows read
// before it). EXPLAIN statements get their own layouts whatever the style
// (the shell's autoExplain).
func Print(w io.Writer, rows Rows, spec Spec) error {
	stmt := rows
	n := stmt.ColumnCount()
	r := &rowRenderer{w: w, stmt: stmt, n: n}
	if n > 0 && !spec.NoAutoExplain { // in every style, off and count included
		switch explainKind(stmt) {
		case 1:
			return r.explainBytecode()
		case 2:
			return r.explainQueryPlan()
		}
	}
	if n == 0 || spec.Style == StyleOff {
		for stmt.Step() {
		}
		return stmt.Err()
	}
	r.init(spec)
	if r.s.Style == StyleBox || r.s.Style == StyleColumn || r.s.Style == StyleTable || r.s.Style == StyleMarkdown {
		return r.columnar()
	}
	count := int64(0)
	for stmt.Step() {
		if err := r.row(count); err != nil {
			return err
		}
		count++
	}
	err := stmt.Err()
	if werr := r.finish(count); err == nil {
		err = werr
	}
	return err
}

// rowRenderer prints the rows of one statement.
type rowRenderer struct {
	w        io.Writer
	s        Spec // with its "auto" settings resolved (init)
	stmt     Rows
	n        int // columns
	format   valueFormat
	title    valueFormat // the format of column names
	buf      []byte      // the row being built, reused
	names    []string    // column names (line mode)
	width    int         // widest column name (line mode)
	mxWidth  int         // the screen width, or MaxWidth
	mxHeight int         // the line limit, or no limit
	nIns     int         // bytes of the current INSERT (multi-row inserts)
}

// init resolves spec's automatic settings as qrfInitialize does.
func (r *rowRenderer) init(spec Spec) {
	s := spec
	r.mxWidth = s.ScreenWidth
	if r.mxWidth <= 0 {
		r.mxWidth = MaxWidth
	}
	r.mxHeight = s.LineLimit
	if r.mxHeight <= 0 {
		r.mxHeight = 1<<31 - 1
	}
	switch s.Style {
	case StyleAuto:
		s.Style = StyleBox
	case StyleJSON, StyleJObject:
		s.Text, s.Null = TextJSON, "null"
	case StyleHTML:
		s.Text, s.Null = TextHTML, "null"
	case StyleInsert:
		s.Text, s.Null = TextSQL, "NULL"
		if s.TableName == "" {
			s.TableName = "tab"
		}
	case StyleCSV:
		s.Style, s.Text, s.ColSep, s.RowSep, s.Null = StyleList, TextCSV, ",", "\r\n", ""
	case StyleQuote:
		s.Style, s.Text, s.Null, s.ColSep, s.RowSep = StyleList, TextSQL, "NULL", ",", "\n"
	}
	if s.Esc == EscAuto {
		s.Esc = EscASCII
	}
	if s.Text == TextAuto {
		s.Text = TextPlain
	}
	if s.Title == TextAuto {
		switch s.Style {
		case StyleBox, StyleColumn, StyleTable:
			s.Title = TextPlain
		default:
			s.Title = s.Text
		}
	}
	if s.Blob == BlobAuto {
		switch s.Text {
		case TextSQL:
			s.Blob = BlobSQL
		case TextCSV, TextTcl:
			s.Blob = BlobTcl
		case TextJSON:
			s.Blob = BlobJSON
		default:
			s.Blob = BlobText
		}
	}
	if s.Titles == Auto {
		switch s.Style {
		case StyleBox, StyleCSV, StyleColumn, StyleTable, StyleMarkdown:
			s.Titles = Yes
		default:
			s.Titles = No
		}
	}
	if s.WordWrap == Auto {
		s.WordWrap = Yes
	}
	r.s = s
	r.format = valueFormat{text: s.Text, blob: s.Blob, esc: s.Esc, null: s.Null, colSep: s.ColSep,
		jsonb: s.TextJSONB == Yes, jsonText: s.JSONText, charLimit: s.CharLimit}
	r.title = r.format
	r.title.text, r.title.charLimit = s.Title, 0
}

// write sends the built row to the output.
func (r *rowRenderer) write() error {
	_, err := r.w.Write(r.buf)
	r.buf = r.buf[:0]
	return err
}

// appendName appends column i's name in the text encoding.
func (r *rowRenderer) appendName(dst []byte, i int, f *valueFormat) []byte {
	return appendText(dst, []byte(cString(r.stmt.ColumnName(i))), f)
}

// row prints the current row; i counts the rows before it.
func (r *rowRenderer) row(i int64) error {
	s, b := &r.s, r.buf
	switch s.Style {
	case StyleCount:
		return nil
	case StyleJSON, StyleJObject:
		switch {
		case s.Style == StyleJObject && i > 0:
			b = append(b, "}\n{"...)
		case s.Style == StyleJObject:
			b = append(b, '{')
		case i > 0:
			b = append(b, "},\n{"...)
		default:
			b = append(b, "[{"...)
		}
		for c := 0; c < r.n; c++ {
			if c > 0 {
				b = append(b, ',')
			}
			b = r.appendName(b, c, &r.format)
			b = append(b, ':')
			b = appendValue(b, r.stmt, c, &r.format)
		}
	case StyleHTML:
		if i == 0 && s.Titles == Yes {
			b = append(b, "<TR>"...)
			for c := 0; c < r.n; c++ {
				b = append(b, "\n<TH>"...)
				b = r.appendName(b, c, &r.format)
			}
			b = append(b, "\n</TR>\n"...)
		}
		b = append(b, "<TR>"...)
		for c := 0; c < r.n; c++ {
			b = append(b, "\n<TD>"...)
			b = appendValue(b, r.stmt, c, &r.format)
		}
		b = append(b, "\n</TR>\n"...)
	case StyleInsert:
		b = r.insertRow(b)
	case StyleLine:
		b = r.lineRow(b, i)
	default: // StyleList
		if i == 0 && s.Titles == Yes {
			for c := 0; c < r.n; c++ {
				if c > 0 {
					b = append(b, s.ColSep...)
				}
				b = r.appendName(b, c, &r.title)
			}
			b = append(b, s.RowSep...)
		}
		for c := 0; c < r.n; c++ {
			if c > 0 {
				b = append(b, s.ColSep...)
			}
			b = appendValue(b, r.stmt, c, &r.format)
		}
		b = append(b, s.RowSep...)
	}
	r.buf = b
	return r.write()
}

// insertRow appends an INSERT statement for the current row or, with
// MultiInsert, a row of a multi-row one, until it is MultiInsert bytes long.
func (r *rowRenderer) insertRow(b []byte) []byte {
	start := len(b)
	mx := r.s.MultiInsert
	if r.nIns == 0 || r.nIns >= mx {
		if r.nIns > 0 {
			b = append(b, ";\n"...)
			r.nIns = 0
		}
		b = append(b, "INSERT INTO "...)
		b = append(b, QuoteIdent(r.s.TableName)...) // ident.go
		if r.s.Titles == Yes {
			for c := 0; c < r.n; c++ {
				b = append(b, ",("[boolIndex(c == 0)])
				b = append(b, QuoteIdent(cString(r.stmt.ColumnName(c)))...)
			}
			b = append(b, ')')
		}
		b = append(b, " VALUES("...)
	} else {
		b = append(b, ",\n  ("...)
	}
	for c := 0; c < r.n; c++ {
		if c > 0 {
			b = append(b, ',')
		}
		b = appendValue(b, r.stmt, c, &r.format)
	}
	r.nIns += len(b) + 2 - start
	if r.nIns >= mx {
		b = append(b, ");\n"...)
		r.nIns = 0
	} else {
		b = append(b, ')')
	}
	return b
}

// finish prints what ends the output of a statement that gave rows rows.
func (r *rowRenderer) finish(rows int64) error {
	switch r.s.Style {
	case StyleCount:
		r.buf = append(strconv.AppendInt(r.buf, rows, 10), '\n')
	case StyleJSON:
		if rows > 0 {
			r.buf = append(r.buf, "}]\n"...)
		}
	case StyleJObject:
		if rows > 0 {
			r.buf = append(r.buf, "}\n"...)
		}
	case StyleInsert:
		if r.nIns > 0 {
			r.buf = append(r.buf, ";\n"...)
		}
	}
	if len(r.buf) == 0 {
		return nil
	}
	return r.write()
}

// boolIndex is 1 for true, 0 for false.
func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// lineRow appends the current row in line mode: one "name: value" line
// per column, names right-aligned, a value's further lines indented under
// its first (at most LineLimit lines, then "..."), and a blank line
// before every row but the first.
func (r *rowRenderer) lineRow(b []byte, i int64) []byte {
	sep := r.s.ColSep
	if r.names == nil {
		r.names = make([]string, r.n)
		for c := range r.names {
			name := []byte(cString(r.stmt.ColumnName(c)))
			if r.s.TitleLimit > 0 {
				name, _ = titleLimit(name, r.s.TitleLimit)
			}
			r.names[c] = string(name)
			r.width = max(r.width, textWidth(r.names[c]))
		}
	}
	if i > 0 {
		b = append(b, '\n')
	}
	indent := r.width + len(sep)
	maxW := r.mxWidth - indent
	wordWrap := r.s.WordWrap == Yes
	var val []byte
	for c := 0; c < r.n; c++ {
		b = appendRightAligned(b, r.names[c], r.width)
		b = append(b, sep...)
		val = appendValue(val[:0], r.stmt, c, &r.format)
		z := val
		for cnt := 0; ; {
			this, _, next := wrapLine(z, max(maxW, 1), wordWrap)
			if cnt > 0 {
				b = appendSpaces(b, indent)
			}
			cnt++
			if cnt > r.mxHeight {
				b = append(b, "...\n"...)
				break
			}
			b = append(b, z[:this]...)
			b = append(b, '\n')
			z = z[next:]
			if len(z) == 0 || next == 0 {
				break
			}
		}
	}
	return b
}
