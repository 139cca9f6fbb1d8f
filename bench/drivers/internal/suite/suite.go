// Package suite holds the driver-level benchmarks, written once against
// database/sql. Each driver has its own test package (ncruces, modernc,
// mattn) because ncruces and mattn both register the name "sqlite3" and
// database/sql panics when one binary holds both.
package suite

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// Driver says how to open a file database with WAL, synchronous=NORMAL and a
// busy timeout; each driver spells that in its own DSN.
type Driver struct {
	Name string
	DSN  func(path string) string
}

// Rows is the size of the table the query benchmarks read.
const Rows = 100_000

const schema = `CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, value REAL NOT NULL)`

func open(b *testing.B, d Driver) *sql.DB {
	b.Helper()
	db, err := sql.Open(d.Name, d.DSN(filepath.Join(b.TempDir(), "bench.db")))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Exec(schema); err != nil {
		b.Fatal(err)
	}
	return db
}

// fill inserts n rows with one recursive CTE (the same data for every driver).
func fill(b *testing.B, db *sql.DB, n int) {
	b.Helper()
	_, err := db.Exec(`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < ?)
		INSERT INTO t (id, name, value) SELECT i, 'name-' || i, i * 0.5 FROM c`, n)
	if err != nil {
		b.Fatal(err)
	}
}

// InsertTx: one prepared INSERT run b.N times inside one transaction
// (the commit is timed too). ns/op is the cost of one row.
func InsertTx(b *testing.B, d Driver) {
	db := open(b, d)
	b.ResetTimer()
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	ins, err := tx.Prepare(`INSERT INTO t (id, name, value) VALUES (?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	var i int64
	for b.Loop() {
		i++
		if _, err := ins.Exec(i, "name", float64(i)*0.5); err != nil {
			b.Fatal(err)
		}
	}
	if err := ins.Close(); err != nil {
		b.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// QueryLarge: read and scan all Rows rows of three columns. ns/op is one
// whole query.
func QueryLarge(b *testing.B, d Driver) {
	db := open(b, d)
	fill(b, db, Rows)
	for b.Loop() {
		rows, err := db.Query(`SELECT id, name, value FROM t`)
		if err != nil {
			b.Fatal(err)
		}
		var (
			n     int
			id    int64
			name  string
			value float64
		)
		for rows.Next() {
			if err := rows.Scan(&id, &name, &value); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if err := rows.Err(); err != nil {
			b.Fatal(err)
		}
		rows.Close()
		if n != Rows {
			b.Fatalf("read %d rows, want %d", n, Rows)
		}
	}
}

// ConcurrentReaders: 4 goroutines per CPU, each reading 100-row ranges of a
// WAL database through a pool of connections. ns/op is one range query
// (wall time divided by all queries, so more parallelism shows as less).
func ConcurrentReaders(b *testing.B, d Driver) {
	db := open(b, d)
	fill(b, db, Rows)
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	b.SetParallelism(4)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		stmt, err := db.Prepare(`SELECT name, value FROM t WHERE id BETWEEN ? AND ? + 99`)
		if err != nil {
			b.Error(err)
			return
		}
		defer stmt.Close()
		start := int64(1)
		for pb.Next() {
			rows, err := stmt.Query(start, start)
			if err != nil {
				b.Error(err)
				return
			}
			var (
				n     int
				name  string
				value float64
			)
			for rows.Next() {
				if err := rows.Scan(&name, &value); err != nil {
					b.Error(err)
					return
				}
				n++
			}
			rows.Close()
			if n != 100 {
				b.Error(fmt.Sprintf("read %d rows at %d, want 100", n, start))
				return
			}
			start = (start + 7919) % (Rows - 100)
			if start == 0 {
				start = 1
			}
		}
	})
}

// All runs every benchmark for d.
func All(b *testing.B, d Driver) {
	b.Run("InsertTx", func(b *testing.B) { InsertTx(b, d) })
	b.Run("QueryLarge", func(b *testing.B) { QueryLarge(b, d) })
	b.Run("ConcurrentReaders", func(b *testing.B) { ConcurrentReaders(b, d) })
}
