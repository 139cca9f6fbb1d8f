// Package demo is the seed's demo (store 1..10, print the sum) written once
// against database/sql, so the modernc and mattn builds compared with
// hello-sqlite for size and memory do exactly the same work.
package demo

import (
	"database/sql"
	"fmt"
	"io"
)

// Run opens driverName's in-memory database and prints SUM(1..10) to w.
func Run(driverName string, w io.Writer) error {
	db, err := sql.Open(driverName, ":memory:")
	if err != nil {
		return err
	}
	defer db.Close()
	// Every connection of :memory: is a new database: keep one.
	db.SetMaxOpenConns(1)

	if _, err := db.Exec(`CREATE TABLE foo (x INTEGER)`); err != nil {
		return err
	}
	ins, err := db.Prepare(`INSERT INTO foo (x) VALUES (?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for i := int64(1); i <= 10; i++ {
		if _, err := ins.Exec(i); err != nil {
			return err
		}
	}
	var sum int64
	if err := db.QueryRow(`SELECT SUM(x) FROM foo`).Scan(&sum); err != nil {
		return err
	}
	_, err = fmt.Fprintln(w, sum)
	return err
}
