// Package render turns a statement's rows and column names into bytes in
// every output mode of the stock sqlite3 3.53 shell (list, csv, json, line,
// table, box, markdown, insert, ...): value formatting, display widths,
// wrapping, EXPLAIN layouts and the split columns of .tables. It reads rows
// through the small Rows interface and holds no database handle or session.
package render
