package shell

import (
	"fmt"

	"github.com/hello-sqlite/hello-sqlite/internal/render"
)

// .fullschema ?--indent?: the CREATE statements of main and temp (without
// sqlite_ objects), then the sqlite_stat1 and sqlite_stat4 rows as INSERTs
// between "ANALYZE sqlite_schema;" lines, so that the query planner's view
// of the database can be rebuilt elsewhere. As in the stock shell,
// --indent is accepted but changes nothing.
func dotFullschema(s *shell, args []string) error {
	if len(args) == 2 && dotOptionMatch(args[1], "indent") {
		args = args[:1]
	}
	if len(args) != 1 {
		return s.stockError("Usage: .fullschema ?--indent?")
	}
	rows, err := s.queryStrings(`SELECT sql FROM` +
		`  (SELECT sql sql, type type, tbl_name tbl_name, name name, rowid x` +
		`     FROM sqlite_schema UNION ALL` +
		`   SELECT sql, type, tbl_name, name, rowid FROM sqlite_temp_schema) ` +
		`WHERE type!='meta' AND sql NOTNULL` +
		`  AND name NOT LIKE 'sqlite__%' ESCAPE '_' ` +
		`ORDER BY x`)
	if err != nil {
		return err
	}
	for _, r := range rows {
		fmt.Fprintf(s.out, "%s;\n", r[0])
	}
	stats, err := s.queryStrings(`SELECT substr(name,12,1) FROM sqlite_schema WHERE name GLOB 'sqlite_stat[134]'`)
	if err != nil {
		return err
	}
	has := map[string]bool{}
	for _, r := range stats {
		has[r[0]] = true
	}
	if len(has) == 0 {
		fmt.Fprint(s.out, "/* No STAT tables available */\n")
		return nil
	}
	fmt.Fprint(s.out, "ANALYZE sqlite_schema;\n")
	for _, n := range []string{"1", "4"} {
		if has[n] {
			if err := s.printInserts("sqlite_stat"+n, "SELECT * FROM sqlite_stat"+n); err != nil {
				return err
			}
		}
	}
	fmt.Fprint(s.out, "ANALYZE sqlite_schema;\n")
	return nil
}

// printInserts prints the rows of query as INSERT statements into table.
func (s *shell) printInserts(table, query string) error {
	stmt, _, err := s.db.Prepare(query)
	if err != nil {
		return err
	}
	defer stmt.Close()
	return render.Print(s.out, stmtRows{stmt}, render.Spec{
		Style: render.StyleInsert, TableName: table, ColSep: "|", RowSep: "\n"})
}
