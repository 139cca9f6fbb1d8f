package main

import (
	"fmt"
	"io"

	"github.com/ncruces/go-sqlite3"
)

// demo does what the original Rust program did: store 1..10 in an
// in-memory table through one prepared statement and print their sum.
func demo(stdout io.Writer) error {
	db, err := sqlite3.Open(":memory:")
	if err != nil {
		return err
	}
	defer db.Close()

	if err := db.Exec(`CREATE TABLE foo (x INTEGER)`); err != nil {
		return err
	}
	ins, _, err := db.Prepare(`INSERT INTO foo (x) VALUES (?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for i := int64(1); i <= 10; i++ {
		if err := ins.BindInt64(1, i); err != nil {
			return err
		}
		if err := ins.Exec(); err != nil {
			return err
		}
	}

	sum, _, err := db.Prepare(`SELECT SUM(x) FROM foo`)
	if err != nil {
		return err
	}
	defer sum.Close()
	if !sum.Step() {
		if err := sum.Err(); err != nil {
			return err
		}
		return fmt.Errorf("SELECT SUM(x) returned no row")
	}
	_, err = fmt.Fprintln(stdout, sum.ColumnInt64(0))
	return err
}
