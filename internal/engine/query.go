package engine

import "github.com/ncruces/go-sqlite3"

// QueryStrings runs sql on db (with optional text arguments bound in order)
// under Guard(limit) and returns the rows, each as its columns' text (NULL
// as "").
func QueryStrings(db *sqlite3.Conn, limit int64, sql string, binds ...string) (rows [][]string, err error) {
	err = Guard(limit, func() error {
		stmt, _, err := db.Prepare(sql)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i, b := range binds {
			if err := stmt.BindText(i+1, b); err != nil {
				return err
			}
		}
		n := stmt.ColumnCount()
		for stmt.Step() {
			row := make([]string, n)
			for i := range row {
				row[i] = stmt.ColumnText(i)
			}
			rows = append(rows, row)
		}
		return stmt.Err()
	})
	return rows, err
}
