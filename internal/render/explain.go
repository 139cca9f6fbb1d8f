package render

import "strings"

// EXPLAIN and EXPLAIN QUERY PLAN are shown the stock shell's way in every
// mode: the query plan as a tree, the bytecode as fixed-width columns with
// loops indented. The driver does not expose sqlite3_stmt_isexplain, so
// the statement's first keywords (and its columns) tell.

// explainKind is 1 for EXPLAIN, 2 for EXPLAIN QUERY PLAN, else 0.
func explainKind(stmt Rows) int {
	words := leadingWords(stmt.SQL(), 3)
	if len(words) == 0 || !strings.EqualFold(words[0], "explain") {
		return 0
	}
	if len(words) >= 3 && strings.EqualFold(words[1], "query") && strings.EqualFold(words[2], "plan") {
		if stmt.ColumnCount() == 4 {
			return 2
		}
		return 0
	}
	if stmt.ColumnCount() == 8 && stmt.ColumnName(0) == "addr" && stmt.ColumnName(1) == "opcode" {
		return 1
	}
	return 0
}

// IsExplain reports whether sql starts with EXPLAIN (after white space
// and comments).
func IsExplain(sql string) bool {
	words := leadingWords(sql, 1)
	return len(words) == 1 && strings.EqualFold(words[0], "explain")
}

// leadingWords returns up to n words at the start of sql, skipping white
// space and comments.
func leadingWords(sql string, n int) []string {
	var words []string
	for i := 0; i < len(sql) && len(words) < n; {
		switch c := sql[i]; {
		case isSpace(c):
			i++
		case strings.HasPrefix(sql[i:], "--"):
			j := strings.IndexByte(sql[i:], '\n')
			if j < 0 {
				return words
			}
			i += j + 1
		case strings.HasPrefix(sql[i:], "/*"):
			j := strings.Index(sql[i+2:], "*/")
			if j < 0 {
				return words
			}
			i += j + 4
		case isAlnum(c):
			j := i
			for j < len(sql) && isAlnum(sql[j]) {
				j++
			}
			words = append(words, sql[i:j])
			i = j
		default:
			return words
		}
	}
	return words
}

// explainQueryPlan prints the plan as a tree:
//
//	QUERY PLAN
//	|--SCAN a
//	`--SEARCH b USING INDEX i (x=?)
func (r *rowRenderer) explainQueryPlan() error {
	type node struct {
		id, parent int
		text       string
	}
	var nodes []node
	for r.stmt.Step() {
		nodes = append(nodes, node{r.stmt.ColumnInt(0), r.stmt.ColumnInt(1), r.stmt.ColumnText(3)})
	}
	if err := r.stmt.Err(); err != nil || len(nodes) == 0 {
		return err
	}
	b := []byte("QUERY PLAN\n")
	var level func(parent int, prefix string)
	level = func(parent int, prefix string) {
		var kids []node
		for _, n := range nodes {
			if n.parent == parent {
				kids = append(kids, n)
			}
		}
		for i, k := range kids {
			last := i == len(kids)-1
			b = append(b, prefix...)
			if last {
				b = append(b, "`--"...)
			} else {
				b = append(b, "|--"...)
			}
			b = append(b, k.text...)
			b = append(b, '\n')
			if len(prefix) < 93 { // the stock shell's 100-byte prefix buffer
				if last {
					level(k.id, prefix+"   ")
				} else {
					level(k.id, prefix+"|  ")
				}
			}
		}
	}
	level(0, "")
	_, err := r.w.Write(b)
	return err
}

// explainWidths are the column widths of EXPLAIN output.
var explainWidths = []int{4, 13, 4, 4, 4, 13, 2, 13}

// explainBytecode prints EXPLAIN output: fixed-width columns, and the
// opcodes inside loops indented by two spaces per level.
func (r *rowRenderer) explainBytecode() error {
	var rows [][]string
	for r.stmt.Step() {
		row := make([]string, len(explainWidths))
		for i := range row {
			row[i] = r.stmt.ColumnText(i)
		}
		rows = append(rows, row)
	}
	if err := r.stmt.Err(); err != nil || len(rows) == 0 {
		return err
	}
	indent := explainIndents(rows)
	var b []byte
	for i, w := range explainWidths {
		b = appendPadded(b, r.stmt.ColumnName(i), w)
		b = append(b, explainSep(i)...)
	}
	for i, w := range explainWidths {
		b = append(b, strings.Repeat("-", w)...)
		b = append(b, explainSep(i)...)
	}
	for op, row := range rows {
		for i, v := range row {
			w, sep := explainWidths[i], explainSep(i)
			if i == len(row)-1 {
				w = 0
			}
			if l := textWidth(v); l > w {
				w = l
				if sep == "  " {
					sep = " "
				}
			}
			if i == 1 {
				b = appendSpaces(b, indent[op])
			}
			b = appendPadded(b, v, w)
			b = append(b, sep...)
		}
	}
	_, err := r.w.Write(b)
	return err
}

// explainSep is what follows column i of EXPLAIN output.
func explainSep(i int) string {
	if i == len(explainWidths)-1 {
		return "\n"
	}
	return "  "
}

// appendPadded appends s padded with spaces to w columns.
func appendPadded(b []byte, s string, w int) []byte {
	b = append(b, s...)
	return appendSpaces(b, w-textWidth(s))
}

// explainIndents computes the stock shell's indentation of each opcode:
// the body of a loop (from a Next/Prev/Return's jump target up to it, or
// from a backward Goto's target that is a Yield, Seek or Rewind) is
// indented by two more spaces.
func explainIndents(rows [][]string) []int {
	indent := make([]int, len(rows))
	yield := make([]bool, len(rows))
	for op, row := range rows {
		addr, p1, p2 := atoiOr(row[0], 0), atoiOr(row[2], 0), atoiOr(row[3], 0)
		p2op := p2 + (op - addr)
		switch row[1] {
		case "Yield", "SeekLT", "SeekGT", "RowSetRead", "Rewind":
			yield[op] = true
		}
		switch row[1] {
		case "Next", "Prev", "VPrev", "VNext", "SorterNext", "Return":
			if p2op > 0 {
				for i := p2op; i < op; i++ {
					indent[i] += 2
				}
			}
		case "Goto":
			if p2op >= 0 && p2op < op && (yield[p2op] || p1 != 0) {
				for i := p2op; i < op; i++ {
					indent[i] += 2
				}
			}
		}
	}
	return indent
}
