package render

import (
	"strings"
	"unicode/utf8"
)

// SplitScreenWidth is the width .tables and .indexes fill, as the stock
// shell does when its output is not a terminal.
const SplitScreenWidth = 80

// SplitColumns lays out a list of names the way .tables and .indexes do in
// the stock 3.53 shell (its result formatter's "split" mode, qrfSplitColumn):
// down the columns, then across; as many columns as fit in width with at
// least 2 spaces between them; each column as wide as its widest name; the
// gap then widened evenly, up to 5 spaces; no trailing spaces.
func SplitColumns(names []string, width int) string {
	if len(names) == 0 {
		return ""
	}
	w := make([]int, len(names))
	maxW := 0
	for i, n := range names {
		w[i], _ = displayWidth([]byte(n)) // width.go: QRF's widths
		maxW = max(maxW, w[i])
	}
	nCol, nRow := 1, len(names)
	var colW []int
	if len(names) > 1 && width > maxW+3 {
		next := 2
		for {
			aw := validLayout(w, next, width)
			if aw == nil {
				break
			}
			colW, nCol = aw, next
			nRow = (len(names) + nCol - 1) / nCol
			if nRow == 1 {
				break
			}
			next++
			for (len(names)+next-1)/next == nRow {
				next++
			}
		}
	}
	var b strings.Builder
	if nCol == 1 {
		// One column. A name wider than the screen is cut into lines of
		// the screen's width, and then a blank line separates the names
		// (the formatter's multi-line rows).
		multi := maxW > width
		for i, n := range names {
			if multi && i > 0 {
				b.WriteByte('\n')
			}
			for _, part := range wrapWidth(n, width) {
				b.WriteString(strings.TrimRight(part, " "))
				b.WriteByte('\n')
			}
		}
		return b.String()
	}
	sum := 0
	for _, x := range colW {
		sum += x
	}
	margin := min((width-sum)/(nCol-1), 5)
	gap := strings.Repeat(" ", max(margin, 1))
	for r := 0; r < nRow; r++ {
		var line strings.Builder
		for c := 0; c < nCol; c++ {
			i := c*nRow + r
			if c > 0 {
				line.WriteString(gap)
			}
			if i < len(names) {
				line.WriteString(names[i])
				line.WriteString(strings.Repeat(" ", max(colW[c]-w[i], 0)))
			} else {
				line.WriteString(strings.Repeat(" ", colW[c]))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	return b.String()
}

// wrapWidth cuts s into pieces of at most width display columns.
func wrapWidth(s string, width int) []string {
	var parts []string
	for {
		w, _ := displayWidth([]byte(s))
		if w <= width {
			return append(parts, s)
		}
		cut, used := 0, 0
		for cut < len(s) {
			r, size := utf8.DecodeRuneInString(s[cut:])
			rw, _ := displayWidth([]byte(string(r)))
			if used+rw > width && cut > 0 {
				break
			}
			used += rw
			cut += size
		}
		parts = append(parts, s[:cut])
		s = s[cut:]
	}
}
