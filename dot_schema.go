package main

import (
	"fmt"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// Dot-commands that describe the schema: .databases, .tables, .indexes,
// .schema. Their SQL follows the stock 3.53 shell's, so that the same
// objects come out in the same order.

// queryStrings runs sql (with optional text arguments bound in order) and
// returns the rows, each as its columns' text (NULL as "", with ok false).
func (s *shell) queryStrings(sql string, binds ...string) (rows [][]string, err error) {
	err = s.guard(func() error {
		stmt, _, err := s.db.Prepare(sql)
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

// schemaNames returns the names of the attached databases, main first, as
// PRAGMA database_list lists them.
func (s *shell) schemaNames() ([]string, error) {
	rows, err := s.queryStrings(`PRAGMA database_list`)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, r := range rows {
		names = append(names, r[1])
	}
	return names, nil
}

// dotDatabases prints "NAME: FILE r/w" for each attached database, with
// " read-txn" or " write-txn" when a transaction is open on it.
func dotDatabases(s *shell, args []string) error {
	rows, err := s.queryStrings(`PRAGMA database_list`)
	if err != nil {
		return err
	}
	for _, r := range rows {
		name, file := r[1], r[2]
		if file == "" {
			file = `""`
		}
		mode := "r/w"
		if ro, _ := s.db.ReadOnly(name); ro {
			mode = "r/o"
		}
		txn := ""
		switch s.db.TxnState(name) {
		case sqlite3.TXN_READ:
			txn = " read-txn"
		case sqlite3.TXN_WRITE:
			txn = " write-txn"
		}
		fmt.Fprintf(s.out, "%s: %s %s%s\n", name, file, mode, txn)
	}
	return nil
}

// dotTables is .tables ?PATTERN?: the tables and views whose names match
// the LIKE pattern, those of attached databases as "schema.name", in
// columns across the screen.
func dotTables(s *shell, args []string) error {
	schemas, err := s.schemaNames()
	if err != nil {
		return err
	}
	var sql strings.Builder
	var binds []string
	for _, db := range schemas {
		if sql.Len() > 0 {
			sql.WriteString(" UNION ALL ")
		}
		if strings.EqualFold(db, "main") {
			sql.WriteString("SELECT name FROM ")
		} else {
			fmt.Fprintf(&sql, "SELECT %s||'.'||name FROM ", sqlStringLiteral(db))
		}
		fmt.Fprintf(&sql, "%s.sqlite_schema WHERE type IN ('table','view') AND name NOT LIKE 'sqlite__%%' ESCAPE '_'", sqlQuotedIdent(db))
		if len(args) > 1 {
			sql.WriteString(" AND name LIKE ?")
			binds = append(binds, args[1])
		}
	}
	sql.WriteString(" ORDER BY 1")
	return s.printSplit(sql.String(), binds...)
}

// printSplit prints the first column of a query in split columns.
func (s *shell) printSplit(sql string, binds ...string) error {
	rows, err := s.queryStrings(sql, binds...)
	if err != nil {
		return err
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r[0]
	}
	_, err = fmt.Fprint(s.out, splitColumns(names, splitScreenWidth))
	return err
}

// dotIndexes is .indexes ?PATTERN?: the indexes whose names contain
// PATTERN (a LIKE pattern), without SQLite's automatic ones unless --all
// (or only those: --sys); --expr keeps indexes on expressions.
func dotIndexes(s *shell, args []string) error {
	all, sys, expr := false, false, false
	pattern, havePattern := "", false
	for _, a := range args[1:] {
		if strings.HasPrefix(a, "-") {
			switch strings.TrimPrefix(a[1:], "-") {
			case "all", "a":
				all = true
			case "sys":
				sys, all = true, false
			case "expr":
				expr, all = true, false
			default:
				return fmt.Errorf("%s: unknown option %q", args[0], a)
			}
			continue
		}
		if havePattern {
			return fmt.Errorf("%s: unknown argument %q", args[0], a)
		}
		pattern, havePattern = a, true
	}
	var sql strings.Builder
	sql.WriteString("SELECT if(t.schema='main',i.name,t.schema||'.'||i.name)\n" +
		"FROM pragma_table_list t, pragma_index_list(t.name,t.schema) i\n")
	sep := "WHERE"
	if expr {
		all = false
		fmt.Fprintf(&sql, "%s (EXISTS(SELECT 1 FROM pragma_index_xinfo(i.name) WHERE cid=-2)\n"+
			"       OR\n"+
			"       EXISTS(SELECT cid FROM pragma_table_xinfo(t.name) WHERE hidden=2"+
			" INTERSECT "+
			" SELECT cid FROM pragma_index_info(i.name)))\n", sep)
		sep = "AND"
	}
	if sys {
		fmt.Fprintf(&sql, "%s i.name LIKE 'sqlite__autoindex__%%' ESCAPE '_'\n", sep)
		sep = "AND"
	} else if !all {
		fmt.Fprintf(&sql, "%s i.name NOT LIKE 'sqlite__%%' ESCAPE '_'\n", sep)
		sep = "AND"
	}
	var binds []string
	if havePattern {
		fmt.Fprintf(&sql, "%s i.name LIKE ?\n", sep)
		binds = append(binds, "%"+pattern+"%")
	}
	sql.WriteString("ORDER BY 1")
	return s.printSplit(sql.String(), binds...)
}

// schemaTableText is what .schema prints for the schema table itself.
const schemaTableText = "CREATE TABLE %ssqlite_schema (\n" +
	"  type text,\n" +
	"  name text,\n" +
	"  tbl_name text,\n" +
	"  rootpage integer,\n" +
	"  sql text\n" +
	");\n"

// dotSchema is .schema ?--nosys? ?PATTERN?: the CREATE statements of the
// objects whose table name matches PATTERN (LIKE, or GLOB when it holds
// * ? or [; "schema.name" when it holds a dot), each ending with ";",
// views followed by a comment naming their columns, objects of attached
// databases with their schema name.
func dotSchema(s *shell, args []string) error {
	noSys := false
	pattern, havePattern := "", false
	for _, a := range args[1:] {
		switch {
		case dotOptionMatch(a, "nosys"):
			noSys = true
		case dotOptionMatch(a, "indent"):
			return fmt.Errorf("%s --indent is not supported by hello-sqlite", args[0])
		case strings.HasPrefix(a, "-"):
			return fmt.Errorf("Unknown option: %q", a)
		case havePattern:
			return dotUsage(".schema ?--nosys? ?LIKE-PATTERN?")
		default:
			pattern, havePattern = a, true
		}
	}
	if havePattern {
		isSchema := false
		for _, n := range []string{"sqlite_master", "sqlite_schema", "sqlite_temp_master", "sqlite_temp_schema"} {
			if ok, _ := s.sqlLike(pattern, n); ok {
				isSchema = true
			}
		}
		if isSchema {
			prefix := ""
			if ok, _ := s.sqlLike("sqlite_t%", pattern); ok {
				prefix = "temp."
			}
			fmt.Fprintf(s.out, schemaTableText, prefix)
		}
	}
	schemas, err := s.schemaNames()
	if err != nil {
		return err
	}
	var sql strings.Builder
	sql.WriteString("SELECT sql, type, name, sname FROM (")
	for i, db := range schemas {
		if i > 0 {
			sql.WriteString(" UNION ALL ")
		}
		fmt.Fprintf(&sql, "SELECT sql, type, tbl_name, name, rowid, %d AS snum, %s AS sname FROM %s.sqlite_schema",
			i+1, sqlStringLiteral(db), sqlQuotedIdent(db))
	}
	sql.WriteString(") WHERE ")
	var binds []string
	filter := ""
	if havePattern {
		col := "lower(tbl_name)"
		if strings.Contains(pattern, ".") {
			col = "lower(sname||'.'||tbl_name)"
		}
		if strings.ContainsAny(pattern, "*?[") {
			filter = col + " GLOB ?"
		} else {
			filter = col + ` LIKE ? ESCAPE '\'`
		}
		sql.WriteString(filter + " AND ")
		binds = append(binds, pattern)
	}
	if noSys {
		sql.WriteString("name NOT LIKE 'sqlite__%' ESCAPE '_' AND ")
	}
	sql.WriteString("sql IS NOT NULL ORDER BY snum, rowid")
	rows, err := s.queryStrings(sql.String(), binds...)
	if err != nil {
		return err
	}
	for _, r := range rows {
		text, typ, name, db := r[0], r[1], r[2], r[3]
		if strings.EqualFold(db, "main") {
			db = ""
		}
		text = addSchemaName(text, db)
		if typ == "view" {
			if fake := s.fakeSchema(db, name); fake != "" {
				text += "\n/* " + fake + " */"
			}
		}
		fmt.Fprint(s.out, completeSQL(text), ";\n")
	}
	// With a pattern, the stock shell also lists matching table-valued
	// functions and eponymous virtual tables (json_each, ...), as comments.
	if havePattern {
		var mods strings.Builder
		mods.WriteString("SELECT name FROM pragma_module_list WHERE ")
		mods.WriteString(strings.ReplaceAll(strings.ReplaceAll(filter,
			"lower(sname||'.'||tbl_name)", "lower('main.'||name)"), "lower(tbl_name)", "lower(name)"))
		if noSys {
			mods.WriteString(" AND name NOT LIKE 'sqlite__%' ESCAPE '_'")
		}
		mods.WriteString(" ORDER BY name")
		rows, err := s.queryStrings(mods.String(), binds...)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if fake := s.fakeSchema("", r[0]); fake != "" {
				fmt.Fprintf(s.out, "/* %s */;\n", fake)
			}
		}
	}
	return nil
}

// sqlLike evaluates "value LIKE pattern ESCAPE '\'" in SQLite.
func (s *shell) sqlLike(pattern, value string) (bool, error) {
	rows, err := s.queryStrings(`SELECT ? LIKE ? ESCAPE '\'`, value, pattern)
	if err != nil || len(rows) == 0 {
		return false, err
	}
	return rows[0][0] == "1", nil
}

// schemaPrefixes are the CREATE statements addSchemaName qualifies.
var schemaPrefixes = []string{"TABLE", "INDEX", "UNIQUE INDEX", "VIEW", "TRIGGER", "VIRTUAL TABLE"}

// addSchemaName inserts "schema." before the object's name in a CREATE
// statement of an attached database (the stock shell's shell_add_schema):
// "CREATE TABLE t2(z)" becomes "CREATE TABLE aux.t2(z)".
func addSchemaName(sql, schema string) string {
	if schema == "" || !strings.HasPrefix(sql, "CREATE ") {
		return sql
	}
	for _, p := range schemaPrefixes {
		n := len(p)
		if strings.HasPrefix(sql[7:], p) && len(sql) > n+7 && sql[n+7] == ' ' {
			q := schema
			if identNeedsQuote(schema) && !strings.EqualFold(schema, "temp") {
				q = `"` + strings.ReplaceAll(schema, `"`, `""`) + `"`
			}
			return sql[:n+7] + " " + q + "." + sql[n+8:]
		}
	}
	return sql
}

// fakeSchema is "name(col1,col2,...)" for a view or virtual table, with
// names quoted where needed (the stock shell's shellFakeSchema), or "" when
// it has no columns.
func (s *shell) fakeSchema(schema, name string) string {
	db := schema
	if db == "" {
		db = "main"
	}
	rows, err := s.queryStrings(fmt.Sprintf("PRAGMA %s.table_info=%s", sqlQuotedIdent(db), sqlStringLiteral(name)))
	if err != nil || len(rows) == 0 {
		return ""
	}
	var b strings.Builder
	if schema != "" {
		if strings.EqualFold(schema, "temp") {
			b.WriteString(schema)
		} else {
			b.WriteString(quoteIfNeeded(schema))
		}
		b.WriteString(".")
	}
	b.WriteString(quoteIfNeeded(name))
	for i, r := range rows {
		if i == 0 {
			b.WriteString("(")
		} else {
			b.WriteString(",")
		}
		b.WriteString(quoteIfNeeded(r[1]))
	}
	b.WriteString(")")
	return b.String()
}

// completeSQL ends a CREATE statement that stops inside a comment (closing
// a /* comment, or ending a -- comment's line) so that the ";" printed
// after it ends the statement (the stock shell's shell_complete_sql).
func completeSQL(sql string) string {
	if !strings.Contains(sql, "/*") && !strings.Contains(sql, "--") {
		return sql
	}
	for _, term := range []string{"", "*/", "\n"} {
		if sqlComplete(sql + term + ";") {
			return sql + term
		}
	}
	return sql
}

// sqlStringLiteral is an SQL string literal: 'it”s'.
func sqlStringLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// sqlQuotedIdent is a quoted SQL identifier: "my ""table""".
func sqlQuotedIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// quoteIfNeeded quotes an identifier with "..." unless it is a plain name
// that is not a keyword (the stock shell's quoteChar rule).
func quoteIfNeeded(s string) string {
	if identNeedsQuote(s) {
		return sqlQuotedIdent(s)
	}
	return s
}

// identNeedsQuote reports whether an identifier must be quoted: it does not
// start with a letter or "_", holds anything but ASCII letters, digits and
// "_", or is an SQL keyword.
func identNeedsQuote(s string) bool {
	if s == "" {
		return true
	}
	if c := s[0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return true
		}
	}
	return sqlKeywordSet[strings.ToUpper(s)]
}

// sqlKeywordSet are SQLite's keywords (sqlite3_keyword_name), which the
// driver does not expose.
var sqlKeywordSet = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range strings.Fields(`ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC
	ATTACH AUTOINCREMENT BEFORE BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLLATE COLUMN
	COMMIT CONFLICT CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME
	CURRENT_TIMESTAMP DATABASE DEFAULT DEFERRABLE DEFERRED DELETE DESC DETACH DISTINCT
	DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS EXPLAIN FAIL FILTER
	FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP GROUPS HAVING IF IGNORE
	IMMEDIATE IN INDEX INDEXED INITIALLY INNER INSERT INSTEAD INTERSECT INTO IS ISNULL
	JOIN KEY LAST LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL
	NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER PARTITION PLAN PRAGMA PRECEDING
	PRIMARY QUERY RAISE RANGE RECURSIVE REFERENCES REGEXP REINDEX RELEASE RENAME
	REPLACE RESTRICT RETURNING RIGHT ROLLBACK ROW ROWS SAVEPOINT SELECT SET TABLE TEMP
	TEMPORARY THEN TIES TO TRANSACTION TRIGGER UNBOUNDED UNION UNIQUE UPDATE USING
	VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT`) {
		m[k] = true
	}
	return m
}()
