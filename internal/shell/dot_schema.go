package shell

import (
	"fmt"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
	"github.com/hello-sqlite/hello-sqlite/internal/render"
	"github.com/hello-sqlite/hello-sqlite/internal/sqltext"
)

// Dot-commands that describe the schema: .databases, .tables, .indexes,
// .schema. Their SQL follows the stock 3.53 shell's, so that the same
// objects come out in the same order.

// queryStrings runs sql (with optional text arguments bound in order) and
// returns the rows, each as its columns' text (engine.QueryStrings).
func (s *shell) queryStrings(sql string, binds ...string) (rows [][]string, err error) {
	return engine.QueryStrings(s.db, s.memoryLimit, sql, binds...)
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
			fmt.Fprintf(&sql, "SELECT %s||'.'||name FROM ", sqltext.StringLiteral(db))
		}
		fmt.Fprintf(&sql, "%s.sqlite_schema WHERE type IN ('table','view') AND name NOT LIKE 'sqlite__%%' ESCAPE '_'", sqltext.QuotedIdent(db))
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
	_, err = fmt.Fprint(s.out, render.SplitColumns(names, render.SplitScreenWidth))
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

// dotSchema is .schema ?--indent? ?--nosys? ?PATTERN?: the CREATE statements of the
// objects whose table name matches PATTERN (LIKE, or GLOB when it holds
// * ? or [; "schema.name" when it holds a dot), each ending with ";",
// views followed by a comment naming their columns, objects of attached
// databases with their schema name.
func dotSchema(s *shell, args []string) error {
	noSys, indent := false, false
	pattern, havePattern := "", false
	for _, a := range args[1:] {
		switch {
		case dotOptionMatch(a, "nosys"):
			noSys = true
		case dotOptionMatch(a, "indent"):
			indent = true
		case strings.HasPrefix(a, "-"):
			return s.stockError("Unknown option: \"%s\"", a)
		case havePattern:
			return s.stockError("Usage: .schema ?--indent? ?--nosys? ?LIKE-PATTERN?")
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
			i+1, sqltext.StringLiteral(db), sqltext.QuotedIdent(db))
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
		if indent {
			text = indentSchema(text)
		}
		if typ == "view" {
			if fake := s.fakeSchema(db, name); fake != "" {
				text += "\n/* " + fake + " */"
			}
		}
		fmt.Fprint(s.out, sqltext.CompleteSQL(text), ";\n")
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
			if render.IdentNeedsQuote(schema) && !strings.EqualFold(schema, "temp") {
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
	rows, err := s.queryStrings(fmt.Sprintf("PRAGMA %s.table_info=%s", sqltext.QuotedIdent(db), sqltext.StringLiteral(name)))
	if err != nil || len(rows) == 0 {
		return ""
	}
	var b strings.Builder
	if schema != "" {
		if strings.EqualFold(schema, "temp") {
			b.WriteString(schema)
		} else {
			b.WriteString(render.QuoteIdent(schema))
		}
		b.WriteString(".")
	}
	b.WriteString(render.QuoteIdent(name))
	for i, r := range rows {
		if i == 0 {
			b.WriteString("(")
		} else {
			b.WriteString(",")
		}
		b.WriteString(render.QuoteIdent(r[1]))
	}
	b.WriteString(")")
	return b.String()
}
