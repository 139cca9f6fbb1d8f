package render

import "strings"

// The columnar modes (table, box, markdown, column, psql, qbox) read every
// row first to size the columns, as the stock shell does. Column names are
// centred, numbers right-aligned, other values left-aligned; a value with
// line breaks takes several lines, and then every row is ruled off.

// align is how a cell sits in its column.
type align uint8

const (
	alignLeft align = iota
	alignRight
	alignCenter
)

// cells are the rendered values of a table, kept compact because a big
// result can have millions: all texts in one buffer, cell i being
// text[end[i-1]:end[i]], and one byte of alignment per cell.
type cells struct {
	text  []byte
	end   []int
	align []align
}

// add records the text appended to c.text since the last cell.
func (c *cells) add(a align) {
	c.end = append(c.end, len(c.text))
	c.align = append(c.align, a)
}

// get returns cell i.
func (c *cells) get(i int) []byte {
	start := 0
	if i > 0 {
		start = c.end[i-1]
	}
	return c.text[start:c.end[i]]
}

// frameStyle holds the strings a frame is drawn with.
type frameStyle struct {
	rowStart, colSep, rowEnd string
	// top, title separator, row separator, bottom: left, fill, middle,
	// right; an empty fill means no such line.
	top, title, rule, bottom [4]string
	margin                   int  // padding on each side of a cell, in total
	rtrim                    bool // trailing spaces are cut from each line
}

var frameStyles = map[frame]*frameStyle{
	frameTable: {rowStart: "| ", colSep: " | ", rowEnd: " |",
		top: [4]string{"+", "-", "+", "+"}, title: [4]string{"+", "-", "+", "+"},
		rule: [4]string{"+", "-", "+", "+"}, bottom: [4]string{"+", "-", "+", "+"}, margin: 2},
	frameBox: {rowStart: "│ ", colSep: " │ ", rowEnd: " │",
		top: [4]string{"╭", "─", "┬", "╮"}, title: [4]string{"╞", "═", "╪", "╡"},
		rule: [4]string{"├", "─", "┼", "┤"}, bottom: [4]string{"╰", "─", "┴", "╯"}, margin: 2},
	frameMarkdown: {rowStart: "| ", colSep: " | ", rowEnd: " |",
		title: [4]string{"|", "-", "|", "|"}, margin: 2},
	framePsql: {rowStart: " ", colSep: " | ", rowEnd: "",
		title: [4]string{"", "-", "+", ""}, rule: [4]string{"", "-", "+", ""}, margin: 2, rtrim: true},
	frameColumn: {rowStart: "", colSep: "  ", rowEnd: "",
		title: [4]string{"", "-", "  ", ""}, margin: 0, rtrim: true},
}

// columnar reads all rows of the statement and prints them as a table.
func (r *rowRenderer) columnar() error {
	if !r.stmt.Step() {
		return r.stmt.Err()
	}
	var cs cells
	if r.titles {
		plain := valueFormat{text: textPlain, escape: true}
		for c := 0; c < r.n; c++ {
			cs.text = appendText(cs.text, []byte(cString(r.stmt.ColumnName(c))), &plain)
			cs.add(alignCenter)
		}
	}
	for ok := true; ok; ok = r.stmt.Step() {
		for c := 0; c < r.n; c++ {
			a := alignLeft
			if t := r.stmt.ColumnType(c); t == Integer || t == Float {
				a = alignRight
			}
			cs.text = appendValue(cs.text, r.stmt, c, &r.format)
			cs.add(a)
		}
	}
	err := r.stmt.Err() // the rows read before an error are still shown
	if werr := r.drawTable(&cs); err == nil {
		err = werr
	}
	return err
}

// drawTable lays out cells (r.n per row; the first row holds the titles
// when r.titles) in the mode's frame.
func (r *rowRenderer) drawTable(cs *cells) error {
	st := frameStyles[r.mode.frame]
	widths := make([]int, r.n)
	multiRow := false
	ncells := len(cs.end)
	for i := 0; i < ncells; i++ {
		w, lines := displayWidth(cs.get(i))
		widths[i%r.n] = max(widths[i%r.n], w)
		if lines > 0 {
			multiRow = true
		}
	}
	for i, w := range widths {
		fixed := 0
		if i < len(r.o.Widths) {
			fixed = r.o.Widths[i]
		}
		switch {
		case fixed != 0:
			if fixed < 0 {
				fixed = -fixed
				for j := i; j < ncells; j += r.n {
					if j >= r.n || !r.titles {
						cs.align[j] = alignRight
					}
				}
			}
			if w > fixed {
				multiRow = true
				fixed = max(fixed, 2) // room for a double-wide character
			}
			widths[i] = fixed
		case r.o.Wrap > 0 && w > r.o.Wrap:
			widths[i], multiRow = r.o.Wrap, true
		}
	}
	wordWrap := r.o.WordWrap && multiRow

	var b []byte
	line := func(parts [4]string) {
		if parts[1] == "" {
			return
		}
		b = append(b, parts[0]...)
		for i, w := range widths {
			if i > 0 {
				b = append(b, parts[2]...)
			}
			b = append(b, strings.Repeat(parts[1], w+st.margin)...)
		}
		b = append(b, parts[3]...)
		b = append(b, '\n')
	}
	endLine := func() {
		if st.rtrim {
			b = trimRightSpaces(b)
		}
		b = append(b, '\n')
	}

	line(st.top)
	rest := make([][]byte, r.n)
	for row := 0; row*r.n < ncells; row++ {
		first := row * r.n
		for i := range rest {
			rest[i] = cs.get(first + i)
		}
		for more := true; more; {
			more = false
			b = append(b, st.rowStart...)
			for i := range rest {
				this, wide, next := wrapLine(rest[i], widths[i], wordWrap)
				b = appendAligned(b, rest[i][:this], widths[i]-wide, cs.align[first+i])
				rest[i] = rest[i][next:]
				if len(rest[i]) > 0 {
					more = true
				}
				if i < r.n-1 {
					b = append(b, st.colSep...)
				}
			}
			b = append(b, st.rowEnd...)
			endLine()
		}
		if (row+1)*r.n >= ncells {
			break
		}
		switch {
		case row == 0 && r.titles:
			if r.mode.frame == frameColumn {
				for i, w := range widths {
					if i > 0 {
						b = append(b, st.colSep...)
					}
					b = append(b, strings.Repeat("-", w)...)
				}
				endLine()
			} else {
				line(st.title)
			}
		case multiRow && r.mode.frame == frameColumn:
			endLine()
		case multiRow:
			line(st.rule)
		}
		if len(b) > 64<<10 {
			if _, err := r.w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	line(st.bottom)
	_, err := r.w.Write(b)
	return err
}

// appendAligned appends text padded with ws spaces on the side align
// says; tabs become spaces up to the next multiple of 8 and other control
// characters their Unicode pictures (␀...␟), as in the stock shell.
func appendAligned(b, text []byte, ws int, a align) []byte {
	ws = max(ws, 0)
	left := 0
	switch a {
	case alignCenter:
		left = ws / 2
	case alignRight:
		left = ws
	}
	b = appendSpaces(b, left)
	col := 0
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == 0x1b && vt100Len(text[i:]) > 0:
			k := vt100Len(text[i:])
			b = append(b, text[i:i+k]...)
			i += k
			continue
		case c == '\t':
			k := 8 - col&7
			b = appendSpaces(b, k)
			col += k
		case c == '\r' && i == len(text)-1:
		case c < ' ':
			b = append(b, 0xe2, 0x90, 0x80+c)
			col++
		case c < 0x80:
			b = append(b, c)
			col++
		default:
			r, size := decodeRune(text[i:])
			b = append(b, text[i:i+size]...)
			col += runeWidth(r)
			i += size
			continue
		}
		i++
	}
	return appendSpaces(b, ws-left)
}

func appendSpaces(b []byte, n int) []byte {
	for ; n > 0; n-- {
		b = append(b, ' ')
	}
	return b
}

// trimRightSpaces cuts the spaces at the end of b's last line.
func trimRightSpaces(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}
