package shell

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/sqltext"
)

// .parameter clear|init|list|set NAME VALUE|unset NAME: the SQL parameter
// bindings, kept as the stock shell keeps them in the table
// temp.sqlite_parameters(key, value). Each statement the shell runs gets
// its parameters (?N, :name, @name, $name) bound from it (bindParameters).

func dotParameter(s *shell, args []string) error {
	n := len(args)
	switch {
	case n == 2 && args[1] == "clear":
		s.execEach("DROP TABLE IF EXISTS temp.sqlite_parameters;")
	case n == 2 && args[1] == "list":
		s.listParameters()
	case n == 2 && args[1] == "init":
		s.initParameters()
	case n == 4 && args[1] == "set":
		return s.setParameter(args[2], args[3])
	case n == 3 && args[1] == "unset":
		s.execEach("DELETE FROM temp.sqlite_parameters WHERE key=" + sqltext.StringLiteral(args[2]))
	default:
		s.showHelp(s.out, "parameter")
	}
	return nil
}

// initParameters creates temp.sqlite_parameters if needed. Its name is
// reserved, so the schema is writable (and defensive mode off) meanwhile.
func (s *shell) initParameters() {
	db := s.db
	defensive, _ := db.Config(sqlite3.DBCONFIG_DEFENSIVE)
	writable, _ := db.Config(sqlite3.DBCONFIG_WRITABLE_SCHEMA)
	db.Config(sqlite3.DBCONFIG_DEFENSIVE, false)
	db.Config(sqlite3.DBCONFIG_WRITABLE_SCHEMA, true)
	s.execEach("CREATE TABLE IF NOT EXISTS temp.sqlite_parameters(\n  key TEXT PRIMARY KEY,\n  value\n) WITHOUT ROWID;")
	db.Config(sqlite3.DBCONFIG_WRITABLE_SCHEMA, writable)
	db.Config(sqlite3.DBCONFIG_DEFENSIVE, defensive)
}

// listParameters prints each binding as "KEY VALUE", the value as an SQL
// literal, keys padded to the longest (at most 40).
func (s *shell) listParameters() {
	width := 0
	if stmt, _, err := s.db.Prepare("SELECT max(length(key)) FROM temp.sqlite_parameters;"); err == nil {
		if stmt.Step() {
			width = min(stmt.ColumnInt(0), 40)
		}
		stmt.Close()
	}
	if width == 0 {
		return
	}
	stmt, _, err := s.db.Prepare("SELECT key, quote(value) FROM temp.sqlite_parameters;")
	if err != nil {
		return
	}
	defer stmt.Close()
	for stmt.Step() {
		fmt.Fprintf(s.out, "%-*s %s\n", width, stmt.ColumnText(0), stmt.ColumnText(1))
	}
}

// setParameter stores VALUE under NAME: VALUE as an SQL expression if it
// is one (parameters in it are bound too), else as text.
func (s *shell) setParameter(name, value string) error {
	s.initParameters()
	key := sqltext.StringLiteral(name)
	stmt, _, err := s.db.Prepare("REPLACE INTO temp.sqlite_parameters(key,value)VALUES(" + key + "," + value + ");")
	if err != nil {
		stmt, _, err = s.db.Prepare("REPLACE INTO temp.sqlite_parameters(key,value)VALUES(" + key + "," + sqltext.StringLiteral(value) + ");")
		if err != nil {
			// The stock shell prints this one on its output.
			fmt.Fprintf(s.out, "Error: %s\n", ErrorMessage(err))
			return ReportedError{err}
		}
	}
	defer stmt.Close()
	s.bindParameters(stmt)
	stmt.Step()
	return nil
}

// bindParameters binds each parameter of stmt from temp.sqlite_parameters
// by its name ("?N" for a nameless one), as the stock shell does; a
// parameter not in the table is NULL, except the stock shell's special
// names: _NAN and _INF (any prefix character), $int_N, $text_T, $TIMER.
func (s *shell) bindParameters(stmt *sqlite3.Stmt) {
	n := stmt.BindCount()
	if n == 0 {
		return
	}
	var q *sqlite3.Stmt
	if _, _, _, _, _, err := s.db.TableColumnMetadata("temp", "sqlite_parameters", "key"); err == nil {
		q, _, _ = s.db.Prepare("SELECT value FROM temp.sqlite_parameters WHERE key=?1")
	}
	if q != nil {
		defer q.Close()
	}
	for i := 1; i <= n; i++ {
		name := stmt.BindName(i)
		if name == "" {
			name = "?" + strconv.Itoa(i)
		}
		if q != nil {
			q.BindText(1, name)
			if q.Step() {
				stmt.BindValue(i, q.ColumnValue(0))
				q.Reset()
				continue
			}
			q.Reset()
		}
		switch {
		case len(name) == 4 && strings.EqualFold(name[1:], "NAN"):
			stmt.BindFloat(i, math.NaN())
		case len(name) == 4 && strings.EqualFold(name[1:], "INF"):
			stmt.BindFloat(i, math.Inf(1))
		case strings.HasPrefix(name, "$int_"):
			stmt.BindInt(i, atoiPrefix(name[5:]))
		case strings.HasPrefix(name, "$text_"):
			stmt.BindText(i, name[6:])
		case name == "$TIMER":
			stmt.BindFloat(i, s.ported.prevTimer)
		default:
			stmt.BindNull(i)
		}
	}
}

// atoiPrefix is C's atoi: the leading integer of s, 0 if none.
func atoiPrefix(s string) int {
	return int(int32(integerValue(leadingInteger(s))))
}

// leadingInteger is the optional sign and digits that start s.
func leadingInteger(s string) string {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	j := i
	if j < len(s) && (s[j] == '-' || s[j] == '+') {
		j++
	}
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return s[i:j]
}

// execEach runs sql, one statement (sqlite3_exec in the stock shell),
// through Prepare so that .trace sees it as the stock shell's trace does
// (the driver's Exec is not traced). Errors are ignored, as there.
func (s *shell) execEach(sql string) {
	stmt, _, err := s.db.Prepare(sql)
	if err != nil || stmt == nil {
		return
	}
	defer stmt.Close()
	for stmt.Step() {
	}
}
