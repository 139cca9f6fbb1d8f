package shell

import (
	"fmt"
	"os"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
	"github.com/hello-sqlite/hello-sqlite/internal/sqltext"
)

// .clone NEWDB: a new database holding the schema and the rows of the main
// one, made object by object with SQL (the stock shell's tryToClone), so
// that whatever can be read of a damaged database is kept: tables and their
// rows first, then indexes, views and triggers, each reported on stdout as
// "NAME... done". A table that cannot be read forwards is read backwards.

func dotClone(s *shell, args []string) error {
	if len(args) != 2 {
		return s.stockError("Usage: .clone FILENAME")
	}
	name := args[1]
	if _, err := os.Lstat(name); err == nil {
		fmt.Fprintf(s.stderr, "File \"%s\" already exists.\n", name)
		return nil
	}
	newDB, err := engine.Open(s.ctx, name, engine.Options{MemoryLimit: s.memoryLimit, BusyTimeout: s.busyTimeout})
	if err != nil {
		msg := ErrorMessage(err)
		if strings.Contains(msg, "unable to open database file") {
			msg = "unable to open database file" // SQLite's text, as the stock shell prints it
		}
		fmt.Fprintf(s.stderr, "Cannot create output database: %s\n", msg)
		return nil
	}
	defer newDB.Close()
	s.db.Exec("PRAGMA writable_schema=ON;")
	newDB.Exec("BEGIN EXCLUSIVE;")
	s.cloneSchema(newDB, "type='table'", true)
	s.cloneSchema(newDB, "type!='table'", false)
	newDB.Exec("COMMIT;")
	s.db.Exec("PRAGMA writable_schema=OFF;")
	return nil
}

// cloneSchema creates in newDB the objects of the main schema that match
// where (and copies their rows when data), in rowid order, or backwards
// when reading forwards fails.
func (s *shell) cloneSchema(newDB *sqlite3.Conn, where string, data bool) {
	w := s.stdout
	one := func(name, sql string, skipSequence bool) {
		if !strings.EqualFold(name, "sqlite_sequence") {
			fmt.Fprintf(w, "%s... ", name)
			if err := newDB.Exec(sql); err != nil {
				fmt.Fprintf(s.stderr, "Error: %s\nSQL: [%s]\n", ErrorMessage(err), sql)
			}
		} else if skipSequence {
			return
		}
		if data {
			s.cloneData(newDB, name)
		}
		fmt.Fprint(w, "done\n")
	}
	query := "SELECT name, sql FROM sqlite_schema WHERE " + where + " ORDER BY rowid "
	stmt, _, err := s.db.Prepare(query + "ASC")
	if err != nil {
		fmt.Fprintf(s.stderr, "Error: (%d) %s on [%s]\n", extendedCode(err), ErrorMessage(err), query+"ASC")
		return
	}
	for stmt.Step() {
		if stmt.ColumnType(0) == sqlite3.NULL || stmt.ColumnType(1) == sqlite3.NULL {
			continue
		}
		one(stmt.ColumnText(0), stmt.ColumnText(1), false)
	}
	err = stmt.Err()
	stmt.Close()
	if err == nil {
		return
	}
	stmt, _, err = s.db.Prepare(query + "DESC")
	if err != nil {
		fmt.Fprintf(s.stderr, "Error: (%d) %s on [%s]\n", extendedCode(err), ErrorMessage(err), query+"DESC")
		return
	}
	defer stmt.Close()
	for stmt.Step() {
		if stmt.ColumnType(0) == sqlite3.NULL || stmt.ColumnType(1) == sqlite3.NULL {
			continue
		}
		one(stmt.ColumnText(0), stmt.ColumnText(1), true)
	}
}

// cloneData copies the rows of table into newDB (INSERT OR IGNORE), reading
// them backwards by rowid if reading forwards fails part way.
func (s *shell) cloneData(newDB *sqlite3.Conn, table string) {
	query := "SELECT * FROM " + sqltext.QuotedIdent(table)
	src, _, err := s.db.Prepare(query)
	if err != nil {
		fmt.Fprintf(s.stderr, "Error %d: %s on [%s]\n", extendedCode(err), ErrorMessage(err), query)
		return
	}
	defer func() { src.Close() }()
	n := src.ColumnCount()
	insert := `INSERT OR IGNORE INTO "` + table + `" VALUES(?` + strings.Repeat(",?", max(n-1, 0)) + ");"
	dst, _, err := newDB.Prepare(insert)
	if err != nil {
		fmt.Fprintf(s.stderr, "Error %d: %s on [%s]\n", extendedCode(err), ErrorMessage(err), insert)
		return
	}
	defer dst.Close()
	for pass := 0; pass < 2; pass++ {
		for src.Step() {
			for i := 0; i < n; i++ {
				// Typed copies: a column's Value is only good on its own connection.
				switch src.ColumnType(i) {
				case sqlite3.NULL:
					dst.BindNull(i + 1)
				case sqlite3.INTEGER:
					dst.BindInt64(i+1, src.ColumnInt64(i))
				case sqlite3.FLOAT:
					dst.BindFloat(i+1, src.ColumnFloat(i))
				case sqlite3.TEXT:
					dst.BindRawText(i+1, src.ColumnRawText(i))
				case sqlite3.BLOB:
					dst.BindBlob(i+1, src.ColumnRawBlob(i))
				}
			}
			if dst.Step(); dst.Err() != nil {
				fmt.Fprintf(s.stderr, "Error %d: %s\n", extendedCode(dst.Err()), ErrorMessage(dst.Err()))
			}
			dst.Reset()
		}
		if src.Err() == nil {
			return
		}
		src.Close()
		src, _, err = s.db.Prepare(`SELECT * FROM ` + sqltext.QuotedIdent(table) + ` ORDER BY rowid DESC;`)
		if err != nil {
			fmt.Fprintf(s.stderr, "Warning: cannot step \"%s\" backwards", table)
			src = nil
			return
		}
	}
}

// extendedCode is the extended result code of an SQLite error, 0 if none.
func extendedCode(err error) int {
	if e, ok := err.(*sqlite3.Error); ok {
		return int(e.ExtendedCode())
	}
	return 0
}
