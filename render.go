package main

import (
	"fmt"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// printStatement steps stmt to the end and prints its rows in the current
// mode. (Only list mode for now.)
func (s *shell) printStatement(stmt *sqlite3.Stmt) error {
	n := stmt.ColumnCount()
	first := true
	for stmt.Step() {
		if first && s.headers && n > 0 {
			names := make([]string, n)
			for i := range names {
				names[i] = stmt.ColumnName(i)
			}
			fmt.Fprint(s.out, strings.Join(names, s.colSep), s.rowSep)
		}
		first = false
		vals := make([]string, n)
		for i := range vals {
			if stmt.ColumnType(i) == sqlite3.NULL {
				vals[i] = s.nullValue
			} else {
				vals[i] = stmt.ColumnText(i)
			}
		}
		fmt.Fprint(s.out, strings.Join(vals, s.colSep), s.rowSep)
	}
	return stmt.Err()
}
