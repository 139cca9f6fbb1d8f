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

// Options are the output settings a statement is printed with.
type Options struct {
	Mode      *Mode  // the output mode (LookupMode)
	Titles    bool   // show column names
	ColSep    string // .separator's column separator
	RowSep    string // .separator's row separator
	Null      string // .nullvalue
	TableName string // insert mode's table ("" for "tab")
	// Wrap is .mode --wrap N: columnar cells wider than N wrap (0: never).
	Wrap int
	// WordWrap breaks wrapped lines at word boundaries rather than anywhere.
	WordWrap bool
	// Widths is .width: column i of a columnar mode is |Widths[i]| wide
	// (longer cells wrap), right-aligned when negative; 0 sizes it to fit.
	Widths []int
	// NoExplain is .explain off: EXPLAIN output in the plain mode.
	NoExplain bool
}

// Print steps rows to the end and writes them to w in o's mode, as the
// stock 3.53 shell does. Rows stream out one at a time (w is buffered by
// its owner) except in the columnar modes, which need every row to size
// the columns. A statement without result columns prints nothing. On an
// error the rows printed so far stay printed and the error is returned
// (columnar modes print the rows read before it, like the stock shell).
func Print(w io.Writer, rows Rows, o Options) error {
	stmt := rows
	n := stmt.ColumnCount()
	m := o.Mode
	if n == 0 || m.Layout == LayoutOff {
		for stmt.Step() {
		}
		return stmt.Err()
	}
	r := &rowRenderer{w: w, o: &o, stmt: stmt, mode: m, n: n, titles: o.Titles, wordWrap: o.WordWrap}
	r.format = valueFormat{text: m.text, blob: m.Blob, null: o.Null, colSep: o.ColSep, escape: true}
	if m.fixedNull {
		r.format.null = m.Null
	}
	if m.Layout != LayoutCount && !o.NoExplain {
		switch explainKind(stmt) {
		case 1:
			return r.explainBytecode()
		case 2:
			return r.explainQueryPlan()
		}
	}
	if m.Layout == LayoutColumnar {
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
	o        *Options
	stmt     Rows
	mode     *Mode
	n        int // columns
	titles   bool
	format   valueFormat
	buf      []byte   // the row being built, reused
	names    []string // column names (line mode)
	width    int      // widest column name (line mode)
	wordWrap bool     // break long lines at word boundaries (line mode)
}

// write sends the built row to the output.
func (r *rowRenderer) write() error {
	_, err := r.w.Write(r.buf)
	r.buf = r.buf[:0]
	return err
}

// appendName appends column i's name in the mode's text encoding.
func (r *rowRenderer) appendName(dst []byte, i int) []byte {
	return appendText(dst, []byte(cString(r.stmt.ColumnName(i))), &r.format)
}

// row prints the current row; i counts the rows before it.
func (r *rowRenderer) row(i int64) error {
	o, b := r.o, r.buf
	switch r.mode.Layout {
	case LayoutCount:
		return nil
	case LayoutJSON, LayoutJObject:
		switch {
		case r.mode.Layout == LayoutJObject && i > 0:
			b = append(b, "}\n{"...)
		case r.mode.Layout == LayoutJObject:
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
			b = r.appendName(b, c)
			b = append(b, ':')
			b = appendValue(b, r.stmt, c, &r.format)
		}
	case LayoutHTML:
		if i == 0 && r.titles {
			b = append(b, "<TR>"...)
			for c := 0; c < r.n; c++ {
				b = append(b, "\n<TH>"...)
				b = r.appendName(b, c)
			}
			b = append(b, "\n</TR>\n"...)
		}
		b = append(b, "<TR>"...)
		for c := 0; c < r.n; c++ {
			b = append(b, "\n<TD>"...)
			b = appendValue(b, r.stmt, c, &r.format)
		}
		b = append(b, "\n</TR>\n"...)
	case LayoutInsert:
		b = append(b, "INSERT INTO "...)
		b = append(b, QuoteIdent(insertTable(o.TableName))...) // ident.go
		if r.titles {
			for c := 0; c < r.n; c++ {
				b = append(b, ",("[boolIndex(c == 0)])
				b = append(b, QuoteIdent(cString(r.stmt.ColumnName(c)))...)
			}
			b = append(b, ')')
		}
		b = append(b, " VALUES("...)
		for c := 0; c < r.n; c++ {
			if c > 0 {
				b = append(b, ',')
			}
			b = appendValue(b, r.stmt, c, &r.format)
		}
		b = append(b, ");\n"...)
	case LayoutLine:
		b = r.lineRow(b, i)
	default: // LayoutList
		if i == 0 && r.titles {
			for c := 0; c < r.n; c++ {
				if c > 0 {
					b = append(b, o.ColSep...)
				}
				b = r.appendName(b, c)
			}
			b = append(b, o.RowSep...)
		}
		for c := 0; c < r.n; c++ {
			if c > 0 {
				b = append(b, o.ColSep...)
			}
			b = appendValue(b, r.stmt, c, &r.format)
		}
		b = append(b, o.RowSep...)
	}
	r.buf = b
	return r.write()
}

// finish prints what ends the output of a statement that gave rows rows.
func (r *rowRenderer) finish(rows int64) error {
	switch r.mode.Layout {
	case LayoutCount:
		r.buf = append(strconv.AppendInt(r.buf, rows, 10), '\n')
	case LayoutJSON:
		if rows > 0 {
			r.buf = append(r.buf, "}]\n"...)
		}
	case LayoutJObject:
		if rows > 0 {
			r.buf = append(r.buf, "}\n"...)
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

// insertTable is the table name insert mode writes: "tab" by default.
func insertTable(name string) string {
	if name == "" {
		return "tab"
	}
	return name
}

// lineWrap is the widest a line-mode line gets (the stock shell's
// QRF_MAX_WIDTH when the screen width is not known).
const lineWrap = 10000

// lineRow appends the current row in line mode: one "name: value" line
// per column, names right-aligned, a value's further lines indented under
// its first, and a blank line before every row but the first.
func (r *rowRenderer) lineRow(b []byte, i int64) []byte {
	sep := r.o.ColSep
	if r.names == nil {
		r.names = make([]string, r.n)
		for c := range r.names {
			r.names[c] = cString(r.stmt.ColumnName(c))
			r.width = max(r.width, textWidth(r.names[c]))
		}
	}
	if i > 0 {
		b = append(b, '\n')
	}
	indent := r.width + textWidth(sep)
	maxW := max(lineWrap-indent, 1)
	var val []byte
	for c := 0; c < r.n; c++ {
		b = appendRightAligned(b, r.names[c], r.width)
		b = append(b, sep...)
		val = appendValue(val[:0], r.stmt, c, &r.format)
		z := val
		for first := true; first || len(z) > 0; first = false {
			this, _, next := wrapLine(z, maxW, r.wordWrap)
			if !first {
				for k := 0; k < indent; k++ {
					b = append(b, ' ')
				}
			}
			b = append(b, z[:this]...)
			b = append(b, '\n')
			z = z[next:]
			if next == 0 {
				break
			}
		}
	}
	return b
}
