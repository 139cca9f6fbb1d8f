package shell

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// .lint fkey-indexes: foreign keys whose child columns have no index, so
// that a DELETE or UPDATE of the parent scans the child table. A port of the
// stock shell's lintFkeyIndexes: the same query, the same glob test on the
// query plan, the same report.

// lintFkeySQL returns one row per foreign key of the main database: the
// EXPLAIN QUERY PLAN statement the FK check would run, the plan glob an
// index satisfies, the child and parent descriptions, the CREATE INDEX
// that would help, and the parent table.
const lintFkeySQL = `SELECT ` +
	`     'EXPLAIN QUERY PLAN SELECT 1 FROM ' || quote(s.name) || ' WHERE '` +
	`  || group_concat(quote(s.name) || '.' || quote(f.[from]) || '=?' ` +
	`  || fkey_collate_clause(` +
	`       f.[table], COALESCE(f.[to], p.[name]), s.name, f.[from]),' AND ')` +
	`, ` +
	`     'SEARCH ' || s.name || ' USING COVERING INDEX*('` +
	`  || group_concat('*=?', ' AND ') || ')'` +
	`, ` +
	`     s.name  || '(' || group_concat(f.[from],  ', ') || ')'` +
	`, ` +
	`     f.[table] || '(' || group_concat(COALESCE(f.[to], p.[name])) || ')'` +
	`, ` +
	`     'CREATE INDEX ' || quote(s.name ||'_'|| group_concat(f.[from], '_'))` +
	`  || ' ON ' || quote(s.name) || '('` +
	`  || group_concat(quote(f.[from]) ||` +
	`        fkey_collate_clause(` +
	`          f.[table], COALESCE(f.[to], p.[name]), s.name, f.[from]), ', ')` +
	`  || ');'` +
	`, ` +
	`     f.[table] ` +
	`FROM sqlite_schema AS s, pragma_foreign_key_list(s.name) AS f ` +
	`LEFT JOIN pragma_table_info AS p ON (pk-1=seq AND p.arg=f.[table]) ` +
	`GROUP BY s.name, f.id ` +
	`ORDER BY (CASE WHEN ? THEN f.[table] ELSE s.name END)`

const lintGlobIPK = "SEARCH * USING INTEGER PRIMARY KEY (rowid=?)"

// dotLint reports its errors but, as in the stock shell, they do not count
// as errors of the session.
func dotLint(s *shell, args []string) error {
	args[0] = s.dotTyped
	s.lint(args)
	return nil
}

func (s *shell) lint(args []string) error {
	if len(args) < 2 || args[1] == "" || !hasPrefixFold("fkey-indexes", args[1]) {
		return s.stockError("Usage %s sub-command ?switches...?\nWhere sub-commands are:\n    fkey-indexes", args[0])
	}
	return s.lintFkeyIndexes(args)
}

// hasPrefixFold reports whether s starts with prefix, ignoring ASCII case
// (sqlite3_strnicmp(prefix, s, len(prefix)) == 0 with len(prefix) <= len(s)).
func hasPrefixFold(s, prefix string) bool {
	return len(prefix) <= len(s) && strings.EqualFold(s[:len(prefix)], prefix)
}

func (s *shell) lintFkeyIndexes(args []string) error {
	verbose, byParent, indent := false, false, ""
	for _, a := range args[2:] {
		switch {
		case len(a) > 1 && hasPrefixFold("-verbose", a):
			verbose = true
		case len(a) > 1 && hasPrefixFold("-groupbyparent", a):
			byParent, indent = true, "    "
		default:
			return s.stockError("Usage: %s %s ?-verbose? ?-groupbyparent?", args[0], args[1])
		}
	}
	db := s.db
	err := db.CreateFunction("fkey_collate_clause", 4, 0, func(ctx sqlite3.Context, arg ...sqlite3.Value) {
		ctx.ResultText("")
		_, parentSeq, _, _, _, err := db.TableColumnMetadata("main", arg[0].Text(), arg[1].Text())
		if err != nil {
			return
		}
		_, childSeq, _, _, _, err := db.TableColumnMetadata("main", arg[2].Text(), arg[3].Text())
		if err == nil && !strings.EqualFold(parentSeq, childSeq) {
			ctx.ResultText(" COLLATE " + parentSeq)
		}
	})
	if err != nil {
		return s.stockError("%s", ErrorMessage(err))
	}
	return s.guard(func() error {
		stmt, _, err := db.Prepare(lintFkeySQL)
		if err != nil {
			return s.stockError("%s", ErrorMessage(err))
		}
		defer stmt.Close()
		stmt.BindBool(1, byParent)
		prev, havePrev := "", false
		for stmt.Step() {
			if stmt.ColumnType(0) == sqlite3.NULL || stmt.ColumnType(1) == sqlite3.NULL {
				continue
			}
			eqp, glob := stmt.ColumnText(0), stmt.ColumnText(1)
			from, target := stmt.ColumnText(2), stmt.ColumnText(3)
			create, parent := stmt.ColumnText(4), stmt.ColumnText(5)
			found, err := s.lintPlanMatches(eqp, glob)
			if err == errLintInternal {
				return s.stockError("Error: internal error")
			}
			if err != nil {
				return s.stockError("%s", ErrorMessage(err))
			}
			if byParent && (verbose || !found) && (!havePrev || !strings.EqualFold(parent, prev)) {
				fmt.Fprintf(s.out, "-- Parent table %s\n", parent)
				prev, havePrev = parent, true
			}
			if !found {
				fmt.Fprintf(s.out, "%s%s --> %s\n", indent, create, target)
			} else if verbose {
				fmt.Fprintf(s.out, "%s/* no extra indexes required for %s -> %s */\n", indent, from, target)
			}
		}
		if err := stmt.Err(); err != nil {
			return s.stockError("%s", ErrorMessage(err))
		}
		return nil
	})
}

// lintPlanMatches runs the EXPLAIN QUERY PLAN statement eqp and reports
// whether its first row's detail matches glob (an index serves the key) or
// the rowid lookup glob.
func (s *shell) lintPlanMatches(eqp, glob string) (bool, error) {
	stmt, _, err := s.db.Prepare(eqp)
	if err != nil {
		return false, err
	}
	defer stmt.Close()
	if !stmt.Step() {
		if err := stmt.Err(); err != nil {
			return false, err
		}
		return false, errLintInternal
	}
	if stmt.ColumnType(3) == sqlite3.NULL {
		return false, nil
	}
	plan := stmt.ColumnText(3)
	return s.strGlob(glob, plan) || s.strGlob(lintGlobIPK, plan), nil
}

var errLintInternal = errors.New("internal error")

// strGlob is sqlite3_strglob(pattern, text) == 0: SQLite's own GLOB.
func (s *shell) strGlob(pattern, text string) bool {
	stmt, _, err := s.db.Prepare("SELECT ?1 GLOB ?2")
	if err != nil {
		return false
	}
	defer stmt.Close()
	stmt.BindText(1, text)
	stmt.BindText(2, pattern)
	return stmt.Step() && stmt.ColumnBool(0)
}
