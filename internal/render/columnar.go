package render

// The columnar styles (box, table, markdown, column) read every row first
// to size the columns, as the stock shell's qrfColumnar does. Column names
// are centred, numbers right-aligned, other values left-aligned (unless
// Aligns or Widths say otherwise); a value with line breaks, or wider than
// its column, takes several lines (at most LineLimit, then "..."), and
// then every row is ruled off. A screen width narrows the widest columns;
// split mode lays a single column out as several.

// cells are the rendered values of a table, kept compact because a big
// result can have millions: all texts in one buffer, cell i being
// text[end[i-1]:end[i]], with its width and whether it is a number.
type cells struct {
	text  []byte
	end   []int
	width []int
	num   []bool
}

// add records the text appended to c.text since the last cell.
func (c *cells) add(w int, num bool) {
	c.end = append(c.end, len(c.text))
	c.width = append(c.width, w)
	c.num = append(c.num, num)
}

// get returns cell i.
func (c *cells) get(i int) []byte {
	start := 0
	if i > 0 {
		start = c.end[i-1]
	}
	return c.text[start:c.end[i]]
}

// column is the layout of one column.
type column struct {
	z     []byte // what is left to print of the current cell
	w     int    // width
	mxW   int    // natural width: the widest cell
	align Align
	fixed bool // the width was given
	num   bool // the current cell is a number
}

// table is a columnar result being laid out.
type table struct {
	cs       *cells
	cellText func(i int) []byte // cell i (after a split, a new order)
	cellNum  func(i int) bool
	ncells   int
	col      []column
	multiRow bool // a cell takes several lines: rule every row off
	margin   int
}

// Box-drawing characters.
const (
	box24, box13            = "─", "│"
	boxR23, boxR34          = "╭", "╮"
	boxR12, boxR14          = "╰", "╯"
	box123, box134, box1234 = "├", "┤", "┼"
	box234, box124          = "┬", "┴"
	dbl24                   = "═"
	dbl123, dbl134, dbl1234 = "╞", "╡", "╪"
)

// columnar reads all rows of the statement and prints them as a table.
func (r *rowRenderer) columnar() error {
	if !r.stmt.Step() {
		return r.stmt.Err()
	}
	s := &r.s
	var cs cells
	t := &table{cs: &cs, col: make([]column, r.n)}
	if s.Titles == Yes {
		for c := 0; c < r.n; c++ {
			start := len(cs.text)
			cs.text = r.appendName(cs.text, c, &r.title)
			var w, lines int
			if s.TitleLimit > 0 {
				var name []byte
				name, w = titleLimit(cs.text[start:], s.TitleLimit)
				cs.text = append(cs.text[:start], name...)
			} else {
				w, lines = displayWidth(cs.text[start:])
			}
			cs.add(w, false)
			t.col[c].mxW = max(t.col[c].mxW, w)
			if lines > 0 {
				t.multiRow = true
			}
		}
	}
	for ok := true; ok; ok = r.stmt.Step() {
		for c := 0; c < r.n; c++ {
			typ := r.stmt.ColumnType(c)
			start := len(cs.text)
			cs.text = appendValue(cs.text, r.stmt, c, &r.format)
			w, lines := displayWidth(cs.text[start:])
			cs.add(w, typ == Integer || typ == Float)
			t.col[c].mxW = max(t.col[c].mxW, w)
			if lines > 0 {
				t.multiRow = true
			}
		}
	}
	err := r.stmt.Err() // the rows read before an error are still shown
	t.ncells = len(cs.end)
	t.cellText, t.cellNum = cs.get, func(i int) bool { return cs.num[i] }
	if werr := r.drawTable(t); err == nil {
		err = werr
	}
	return err
}

// loadAlignment sets each column's alignment for the body of the table.
func (r *rowRenderer) loadAlignment(t *table) {
	for i := range t.col {
		t.col[i].align = AlignAuto
		if i < len(r.s.Aligns) {
			if a := r.s.Aligns[i] & 3; a != 0 {
				t.col[i].align = a
			}
		} else if i < len(r.s.Widths) && r.s.Widths[i] < 0 {
			t.col[i].align = AlignRight
		}
	}
}

// drawTable lays out the cells (len(t.col) per row; the first row holds
// the titles when Titles is on).
func (r *rowRenderer) drawTable(t *table) error {
	s := &r.s
	n := len(t.col)
	if s.Titles == No {
		r.loadAlignment(t)
	} else {
		for i := range t.col {
			t.col[i].align = AlignCenter
		}
	}
	for i := range t.col {
		c := &t.col[i]
		w := 0
		if i < len(s.Widths) {
			w = s.Widths[i]
			if w < 0 {
				w = -w
				if len(s.Aligns) > i && s.Aligns[i]&3 == 0 {
					c.align |= AlignRight
				}
			}
			if w != 0 {
				c.fixed = true
			}
		}
		if w == 0 {
			w = c.mxW
			if s.Wrap > 0 && w > s.Wrap {
				w = s.Wrap
				t.multiRow = true
			}
		} else if (!t.multiRow || w == 1) && c.mxW > w {
			t.multiRow = true
			if w == 1 {
				w = 2 // room for a double-wide character
			}
		}
		c.w = w
	}
	if n == 1 && t.ncells > 1 && s.SplitColumn == Yes && s.Style == StyleColumn &&
		s.Titles == No && s.ScreenWidth > t.col[0].w+3 {
		r.splitColumn(t)
		n = len(t.col)
	} else {
		r.restrictScreenWidth(t)
	}

	var rowStart, colSep, rowSep string
	var b []byte
	border := s.Border != No
	switch s.Style {
	case StyleBox:
		if t.margin > 0 {
			rowStart, colSep, rowSep = box13+" ", " "+box13+" ", " "+box13+"\n"
		} else {
			rowStart, colSep, rowSep = box13, box13, box13+"\n"
		}
		if !border {
			rowStart, rowSep = rowStart[len(box13):], "\n"
		} else {
			b = t.boxSeparator(b, boxR23, box234, boxR34, false, border)
		}
	case StyleTable:
		if t.margin > 0 {
			rowStart, colSep, rowSep = "| ", " | ", " |\n"
		} else {
			rowStart, colSep, rowSep = "|", "|", "|\n"
		}
		if !border {
			rowStart, rowSep = rowStart[1:], "\n"
		} else {
			b = t.rowSeparator(b, '+', border)
		}
	case StyleColumn:
		rowStart, rowSep = "", "\n"
		switch {
		case t.margin < 2:
			colSep = " "
		case t.margin <= 5:
			colSep = "     "[5-t.margin:]
		default:
			colSep = "     "
		}
	default: // markdown
		if t.margin > 0 {
			rowStart, colSep, rowSep = "| ", " | ", " |\n"
		} else {
			rowStart, colSep, rowSep = "|", "|", "|\n"
		}
	}
	wordWrap := s.WordWrap == Yes && t.multiRow
	rtrim := s.Style == StyleColumn || (!border && (s.Style == StyleBox || s.Style == StyleTable))
	endRow := func() {
		if rtrim {
			b = trimRightSpaces(b)
		}
		b = append(b, rowSep...)
	}

	for i := 0; i < t.ncells; i += n {
		for j := range t.col {
			t.col[j].z = t.cellText(i + j)
			t.col[j].num = t.cellNum(i + j)
		}
		more := false
		for lines := 0; ; {
			b = append(b, rowStart...)
			more = false
			for j := range t.col {
				c := &t.col[j]
				this, wide, next := wrapLine(c.z, c.w, wordWrap)
				b = c.appendAligned(b, c.z[:this], c.w-wide)
				c.z = c.z[next:]
				if len(c.z) > 0 {
					more = true
				}
				if j < n-1 {
					b = append(b, colSep...)
				} else {
					endRow()
				}
			}
			lines++
			if !more || lines >= r.mxHeight {
				break
			}
		}
		if more { // cut by LineLimit: an ellipsis line
			b = append(b, rowStart...)
			for j := range t.col {
				c := &t.col[j]
				if len(c.z) == 0 {
					b = appendSpaces(b, c.w)
				} else {
					nE := min(3, c.w)
					b = c.appendAligned(b, []byte("..."[:nE]), c.w-nE)
				}
				if j < n-1 {
					b = append(b, colSep...)
				} else {
					endRow()
				}
			}
		}

		if (i == 0 || t.multiRow) && i+n < t.ncells {
			titleSep := i == 0 && s.Titles == Yes
			if titleSep {
				r.loadAlignment(t)
			}
			switch s.Style {
			case StyleTable:
				if titleSep || t.multiRow {
					b = t.rowSeparator(b, '+', border)
				}
			case StyleBox:
				if titleSep {
					b = t.boxSeparator(b, dbl123, dbl1234, dbl134, true, border)
				} else if t.multiRow {
					b = t.boxSeparator(b, box123, box1234, box134, false, border)
				}
			case StyleMarkdown:
				if titleSep {
					b = t.rowSeparator(b, '|', true)
				}
			case StyleColumn:
				if titleSep {
					for j := range t.col {
						b = appendRepeat(b, "-", t.col[j].w)
						if j < n-1 {
							b = append(b, colSep...)
						} else {
							b = trimRightSpaces(b)
							b = append(b, rowSep...)
						}
					}
				} else if t.multiRow {
					b = trimRightSpaces(b)
					b = append(b, '\n')
				}
			}
		}
		if len(b) > 64<<10 {
			if _, err := r.w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	if border {
		switch s.Style {
		case StyleBox:
			b = t.boxSeparator(b, boxR12, box124, boxR14, false, border)
		case StyleTable:
			b = t.rowSeparator(b, '+', border)
		}
	}
	_, err := r.w.Write(b)
	return err
}

// appendAligned appends text with ws spaces placed as the column's
// alignment says (numbers go right when it is automatic).
func (c *column) appendAligned(b, text []byte, ws int) []byte {
	a := c.align & 3
	if a == AlignAuto && c.num {
		a = AlignRight
	}
	return appendAligned(b, text, ws, a)
}

// rowSeparator appends a +----+----+ (or |----|) line.
func (t *table) rowSeparator(b []byte, sep byte, border bool) []byte {
	if border {
		b = append(b, sep)
	}
	for i, c := range t.col {
		if i > 0 {
			b = append(b, sep)
		}
		b = appendRepeat(b, "-", c.w+t.margin)
	}
	if border {
		b = append(b, sep)
	}
	return append(b, '\n')
}

// boxSeparator appends a line of box-drawing characters.
func (t *table) boxSeparator(b []byte, left, mid, right string, double, border bool) []byte {
	fill := box24
	if double {
		fill = dbl24
	}
	if border {
		b = append(b, left...)
	}
	for i, c := range t.col {
		if i > 0 {
			b = append(b, mid...)
		}
		b = appendRepeat(b, fill, c.w+t.margin)
	}
	if border {
		b = append(b, right...)
	}
	return append(b, '\n')
}

// restrictScreenWidth narrows the widest columns until the table fits
// the screen width: first the margins go, then the widest column that is
// not fixed and is wider than 8 (and than 16 or half its natural width)
// loses half its width, until the target is met.
func (r *rowRenderer) restrictScreenWidth(t *table) {
	s := &r.s
	t.margin = 2
	if s.ScreenWidth == 0 {
		return
	}
	n := len(t.col)
	var sepW int
	if s.Style == StyleColumn {
		sepW = n*2 - 2
	} else {
		sepW = n*3 + 1
		if s.Border == No {
			sepW -= 2
		}
	}
	sumW := 0
	for _, c := range t.col {
		sumW += c.w
	}
	if s.ScreenWidth >= sumW+sepW {
		return
	}
	t.margin = 0
	if s.Style == StyleColumn {
		sepW = n - 1
	} else {
		sepW = n + 1
		if s.Border == No {
			sepW -= 2
		}
	}
	target := s.ScreenWidth - sepW
	const minSquoze, minExSquoze = 8, 16
	for sumW > target {
		ix, mx := -1, 0
		for i, c := range t.col {
			if w := c.w; !c.fixed && w > mx && w > minSquoze && (w > minExSquoze || w*2 > c.mxW) {
				ix, mx = i, w
			}
		}
		if ix < 0 {
			break
		}
		gain := mx - minSquoze
		if mx >= minSquoze*2 {
			gain = mx / 2
		}
		if sumW-gain < target {
			gain = sumW - target
		}
		sumW -= gain
		t.col[ix].w -= gain
		t.multiRow = true
	}
}

// splitColumn lays a one-column result out as several columns, down then
// across, as many as fit the screen width with 2 spaces between them.
func (r *rowRenderer) splitColumn(t *table) {
	sw := r.s.ScreenWidth
	nCol, nRow := 1, int64(1)
	var aw []int
	total := t.ncells
	for next := 2; ; {
		w := validLayout(t.cs.width, next, sw)
		if w == nil {
			break
		}
		aw, nCol = w, next
		nRow = int64((total + nCol - 1) / nCol)
		if nRow == 1 {
			break
		}
		next++
		for int64((total+next-1)/next) == nRow {
			next++
		}
	}
	if nCol == 1 {
		return
	}
	rows := int(nRow)
	order := make([]int, rows*nCol) // table cell -> original cell, or -1
	for i := range order {
		order[i] = -1
	}
	for i := 0; i < total; i++ {
		order[(i%rows)*nCol+i/rows] = i
	}
	align := t.col[0].align
	t.col = make([]column, nCol)
	sum := 0
	for i := range t.col {
		t.col[i] = column{w: aw[i], mxW: aw[i], fixed: true, align: align}
		sum += aw[i]
	}
	cs := t.cs
	t.cellText = func(i int) []byte {
		if order[i] < 0 {
			return nil
		}
		return cs.get(order[i])
	}
	t.cellNum = func(i int) bool { return order[i] >= 0 && cs.num[order[i]] }
	t.ncells = rows * nCol
	t.margin = min((sw-sum)/(nCol-1), 5)
}

// validLayout returns the widths of nCol columns holding the cells of
// widths w down then across, or nil if they do not fit in sw with 2
// spaces between them (qrfValidLayout; the split mode uses it too).
func validLayout(w []int, nCol, sw int) []int {
	nr := (len(w) + nCol - 1) / nCol
	aw := make([]int, nCol)
	for i, x := range w {
		aw[i/nr] = max(aw[i/nr], x)
	}
	t := 2 * (nCol - 1)
	for _, x := range aw {
		t += x
	}
	if t > sw {
		return nil
	}
	return aw
}

// titleLimit cuts a column name to n columns, ending it with "..." when
// it is cut, and turns tabs and line breaks into spaces; it returns the
// name and its width as the stock shell's qrfTitleLimit computes it.
func titleLimit(z []byte, n int) ([]byte, int) {
	z = append([]byte(nil), z...)
	w, i := 0, 0
	ellipsis := -1
	cut := -1
	for {
		if i >= len(z) {
			ellipsis = -1
			break
		}
		c := z[i]
		if c < ' ' {
			if k := 0; c == 0x1b {
				if k = vt100Len(z[i:]); k > 0 {
					i += k
					continue
				}
			}
			if c == '\t' || c == '\n' || c == '\r' {
				z[i] = ' '
			} else {
				i++
			}
			continue
		}
		if c < 0x80 {
			if w >= n-3 && ellipsis < 0 {
				ellipsis = i
			}
			if w == n {
				cut = i
				break
			}
			w++
			i++
			continue
		}
		r, size := decodeRune(z[i:])
		if w+size > n-3 && ellipsis < 0 {
			ellipsis = i
		}
		if w+size > n {
			cut = i
			break
		}
		i += size
		w += runeWidth(r)
	}
	if cut >= 0 {
		z = z[:cut]
	}
	if ellipsis >= 0 && n >= 3 {
		z = append(z[:ellipsis], "..."...)
	}
	return z, w
}

// appendAligned appends text padded with ws spaces on the side a says;
// tabs become spaces up to the next multiple of 8 and other control
// characters their Unicode pictures (␀...␟), as in the stock shell.
func appendAligned(b, text []byte, ws int, a Align) []byte {
	ws = max(ws, 0)
	left := 0
	switch a {
	case AlignCenter:
		left = ws / 2
	case AlignRight:
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

func appendRepeat(b []byte, s string, n int) []byte {
	for ; n > 0; n-- {
		b = append(b, s...)
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
