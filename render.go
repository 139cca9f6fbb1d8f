package main

import (
	"strconv"

	"github.com/ncruces/go-sqlite3"
)

// printStatement steps stmt to the end and prints its rows in the current
// mode, as the stock 3.53 shell does. Rows stream out one at a time (s.out
// is buffered by its owner) except in the columnar modes, which need every
// row to size the columns. A statement without result columns prints
// nothing. On an error the rows printed so far stay printed and the error
// is returned (columnar modes print the rows read before it, like the
// stock shell).
func (s *shell) printStatement(stmt *sqlite3.Stmt) error {
	n := stmt.ColumnCount()
	m := s.currentMode()
	if n == 0 || m.layout == layoutOff {
		for stmt.Step() {
		}
		return stmt.Err()
	}
	r := &rowRenderer{s: s, stmt: stmt, mode: m, n: n, titles: s.showTitles(), wordWrap: !s.extras().noWordWrap}
	r.format = valueFormat{text: m.text, blob: m.blob, null: s.nullValue, colSep: s.colSep, escape: true}
	if m.fixedNull {
		r.format.null = m.null
	}
	if m.layout != layoutCount {
		switch explainKind(stmt) {
		case 1:
			return r.explainBytecode()
		case 2:
			return r.explainQueryPlan()
		}
	}
	if m.layout == layoutColumnar {
		return r.columnar()
	}
	rows := int64(0)
	for stmt.Step() {
		if err := r.row(rows); err != nil {
			return err
		}
		rows++
	}
	err := stmt.Err()
	if werr := r.finish(rows); err == nil {
		err = werr
	}
	return err
}

// rowRenderer prints the rows of one statement.
type rowRenderer struct {
	s        *shell
	stmt     *sqlite3.Stmt
	mode     *modeInfo
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
	_, err := r.s.out.Write(r.buf)
	r.buf = r.buf[:0]
	return err
}

// appendName appends column i's name in the mode's text encoding.
func (r *rowRenderer) appendName(dst []byte, i int) []byte {
	return appendText(dst, []byte(cString(r.stmt.ColumnName(i))), &r.format)
}

// row prints the current row; i counts the rows before it.
func (r *rowRenderer) row(i int64) error {
	s, b := r.s, r.buf
	switch r.mode.layout {
	case layoutCount:
		return nil
	case layoutJSON, layoutJObject:
		switch {
		case r.mode.layout == layoutJObject && i > 0:
			b = append(b, "}\n{"...)
		case r.mode.layout == layoutJObject:
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
	case layoutHTML:
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
	case layoutInsert:
		b = append(b, "INSERT INTO "...)
		b = append(b, quoteIfNeeded(insertTable(s.extras().tableName))...) // dot_schema.go
		if r.titles {
			for c := 0; c < r.n; c++ {
				b = append(b, ",("[boolIndex(c == 0)])
				b = append(b, quoteIfNeeded(cString(r.stmt.ColumnName(c)))...)
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
	case layoutLine:
		b = r.lineRow(b, i)
	default: // layoutList
		if i == 0 && r.titles {
			for c := 0; c < r.n; c++ {
				if c > 0 {
					b = append(b, s.colSep...)
				}
				b = r.appendName(b, c)
			}
			b = append(b, s.rowSep...)
		}
		for c := 0; c < r.n; c++ {
			if c > 0 {
				b = append(b, s.colSep...)
			}
			b = appendValue(b, r.stmt, c, &r.format)
		}
		b = append(b, s.rowSep...)
	}
	r.buf = b
	return r.write()
}

// finish prints what ends the output of a statement that gave rows rows.
func (r *rowRenderer) finish(rows int64) error {
	switch r.mode.layout {
	case layoutCount:
		r.buf = append(strconv.AppendInt(r.buf, rows, 10), '\n')
	case layoutJSON:
		if rows > 0 {
			r.buf = append(r.buf, "}]\n"...)
		}
	case layoutJObject:
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
	sep := r.s.colSep
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
