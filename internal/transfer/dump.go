package transfer

import (
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/render"
	"github.com/hello-sqlite/hello-sqlite/internal/sqltext"
)

// .dump: the database as SQL text that rebuilds it, in the stock 3.53
// shell's format:
//
//	PRAGMA foreign_keys=OFF;
//	BEGIN TRANSACTION;
//	CREATE TABLE t(a,b);
//	INSERT INTO t VALUES(1,'it''s');
//	... (each table, then its rows; sqlite_sequence last)
//	CREATE INDEX/TRIGGER/VIEW ...;
//	COMMIT;
//
// Values are written as SQLite's quote() writes them (REALs with as many
// digits as it takes to read back the same number), except that text with
// control characters is written with unistr('\u000a') escapes and blobs
// as x'..', as the stock shell does.

// DumpOptions are .dump's flags.
type DumpOptions struct {
	DataOnly bool     // --data-only: only INSERTs
	NoSys    bool     // --nosys: leave out sqlite_sequence and sqlite_stat*
	Rowids   bool     // --preserve-rowids: keep rowids that are not columns
	Like     []string // LIKE patterns of the tables to dump (none: all)
}

// dumper holds the state of one .dump.
type dumper struct {
	s         *Target
	w         io.Writer
	o         DumpOptions
	writable  bool          // "PRAGMA writable_schema=ON;" was written
	errors    int           // tables that could not be read
	quoteStmt *sqlite3.Stmt // SELECT quote(?), for REALs
	firstErr  error
}

// Dump writes the dump of t.DB to w.
func Dump(t *Target, w io.Writer, o DumpOptions) error {
	s := t
	d := &dumper{s: s, w: w, o: o}
	like := "true"
	if len(o.Like) > 0 {
		var parts []string
		for _, p := range o.Like {
			q := sqltext.StringLiteral(p)
			parts = append(parts, fmt.Sprintf("name LIKE %s ESCAPE '\\' OR EXISTS ("+
				"  SELECT 1 FROM sqlite_schema WHERE "+
				"    name LIKE %s ESCAPE '\\' AND"+
				"    sql LIKE 'CREATE VIRTUAL TABLE%%' AND"+
				"    substr(o.name, 1, length(name)+1) == (name||'_')"+
				")", q, q))
		}
		like = strings.Join(parts, " OR ")
	}
	// A virtual table is recreated by writing its row into sqlite_schema,
	// which SQLITE_DBCONFIG_DEFENSIVE forbids: say so first, as the stock
	// shell does (loading into an empty database lifts it; shell/restore.go).
	vtabs, verr := s.queryStrings("SELECT 1 FROM sqlite_schema o WHERE sql LIKE 'CREATE VIRTUAL TABLE%' AND (" + like + ") LIMIT 1")
	if verr == nil && len(vtabs) > 0 {
		fmt.Fprint(w, "/* WARNING: Script requires that SQLITE_DBCONFIG_DEFENSIVE be disabled */\n")
	}
	if !o.DataOnly {
		fmt.Fprint(w, "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n")
	}
	// writable_schema makes SQLite read as much of a damaged schema as it
	// can; the savepoint gives the dump one consistent snapshot.
	s.DB.Exec("SAVEPOINT dump; PRAGMA writable_schema=ON")
	defer s.DB.Exec("PRAGMA writable_schema=OFF; RELEASE dump;")
	var err error
	d.quoteStmt, _, err = s.DB.Prepare("SELECT quote(?)")
	if err != nil {
		return err
	}
	defer d.quoteStmt.Close()

	tables, err := s.queryStrings("SELECT name, type, sql FROM sqlite_schema AS o " +
		"WHERE (" + like + ") AND type=='table'" +
		"  AND sql NOT NULL" +
		" ORDER BY tbl_name='sqlite_sequence', rowid")
	if err != nil {
		return err
	}
	for _, t := range tables {
		if err := d.table(t[0], t[1], sqltext.CompleteSQL(t[2])); err != nil {
			return err
		}
	}
	if !o.DataOnly {
		others, err := s.queryStrings("SELECT sql FROM sqlite_schema AS o " +
			"WHERE (" + like + ") AND sql NOT NULL" +
			"  AND type IN ('index','trigger','view') " +
			"ORDER BY type COLLATE NOCASE DESC")
		if err != nil {
			return err
		}
		for _, r := range others {
			fmt.Fprintf(w, "%s;\n", sqltext.CompleteSQL(r[0]))
		}
	}
	if d.writable {
		fmt.Fprint(w, "PRAGMA writable_schema=OFF;\n")
	}
	if !o.DataOnly {
		if d.errors > 0 {
			fmt.Fprint(w, ";\nROLLBACK; -- due to errors\n")
		} else {
			fmt.Fprint(w, "COMMIT;\n")
		}
	}
	if d.firstErr != nil {
		return d.firstErr
	}
	return nil
}

// setWritable writes "PRAGMA writable_schema=ON;" once.
func (d *dumper) setWritable() {
	if !d.writable {
		fmt.Fprint(d.w, "PRAGMA writable_schema=ON;\n")
		d.writable = true
	}
}

// table dumps one table: its CREATE statement, then its rows (the stock
// shell's dump_callback).
func (d *dumper) table(name, typ, sql string) error {
	w := d.w
	preamble := ""
	switch {
	case name == "sqlite_sequence" && !d.o.NoSys:
		// Before its first row (none when it is empty; also with
		// --data-only, as in the stock shell): re-created, as it may not
		// exist yet, and emptied, then refilled.
		preamble = "CREATE TABLE IF NOT EXISTS sqlite_sequence(name,seq);\nDELETE FROM sqlite_sequence;\n"
	case isStatTable(name) && !d.o.NoSys:
		if !d.o.DataOnly {
			fmt.Fprint(w, "ANALYZE sqlite_schema;\n")
		}
	case strings.HasPrefix(name, "sqlite_"):
		return nil
	case d.o.DataOnly:
	case strings.HasPrefix(sql, "CREATE VIRTUAL TABLE"):
		d.setWritable()
		fmt.Fprintf(w, "INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table',%s,%s,0,%s);\n",
			sqltext.StringLiteral(name), sqltext.StringLiteral(name), sqltext.StringLiteral(sql))
		return nil
	case strings.HasPrefix(sql, "CREATE TABLE '") || strings.HasPrefix(sql, `CREATE TABLE "`):
		fmt.Fprintf(w, "CREATE TABLE IF NOT EXISTS %s;\n", sql[13:])
	default:
		fmt.Fprintf(w, "%s;\n", sql)
	}
	if typ != "table" {
		return nil
	}
	return d.rows(name, preamble)
}

// isStatTable matches the GLOB sqlite_stat?.
func isStatTable(name string) bool {
	return len(name) == len("sqlite_stat1") && strings.HasPrefix(name, "sqlite_stat")
}

// rows writes one INSERT per row of table name, listing the columns that
// hold data (generated columns are left out, as they are computed), after
// preamble if there is a row.
func (d *dumper) rows(name, preamble string) error {
	cols, err := d.s.queryStrings(fmt.Sprintf("PRAGMA table_info=%s", sqltext.StringLiteral(name)))
	if err != nil || len(cols) == 0 {
		d.errors++
		if err != nil && d.firstErr == nil {
			d.firstErr = err
		}
		return nil
	}
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = render.QuoteIdent(c[1])
	}
	target := render.QuoteIdent(name)
	if d.o.Rowids {
		if rowid := d.rowidName(name, cols); rowid != "" {
			quoted = append([]string{rowid}, quoted...)
		}
		target += "(" + strings.Join(quoted, ",") + ")"
	}
	sel := "SELECT " + strings.Join(quoted, ",") + " FROM " + render.QuoteIdent(name)
	prefix := "INSERT INTO " + target + " VALUES("
	stmt, _, err := d.s.DB.Prepare(sel)
	if err != nil {
		d.errors++
		if d.firstErr == nil {
			d.firstErr = err
		}
		return nil
	}
	defer stmt.Close()
	var line strings.Builder
	for stmt.Step() {
		if preamble != "" {
			d.setWritable()
			io.WriteString(d.w, preamble)
			preamble = ""
		}
		line.Reset()
		line.WriteString(prefix)
		for i := range quoted {
			if i > 0 {
				line.WriteByte(',')
			}
			if err := d.value(&line, stmt, i); err != nil {
				return err
			}
		}
		line.WriteString(");\n")
		if _, err := io.WriteString(d.w, line.String()); err != nil {
			return err
		}
	}
	if err := stmt.Err(); err != nil {
		if ie := d.s.interruption(err); ie != nil {
			return ie
		}
		d.errors++
		if d.firstErr == nil {
			d.firstErr = err
		}
	}
	return nil
}

// rowidName is the name under which --preserve-rowids dumps a table's
// rowid: "rowid", "_rowid_" or "oid", the first that is not a column; ""
// when the table has no rowid of its own (WITHOUT ROWID, or an INTEGER
// PRIMARY KEY column that is the rowid). cols is PRAGMA table_info's rows.
func (d *dumper) rowidName(name string, cols [][]string) string {
	wr, err := d.s.queryStrings("SELECT wr FROM pragma_table_list WHERE schema='main' AND name=?", name)
	if err != nil || len(wr) == 0 || wr[0][0] != "0" {
		return ""
	}
	nPK, ipk := 0, false
	for _, c := range cols {
		if c[5] != "0" {
			nPK++
			ipk = nPK == 1 && strings.EqualFold(c[2], "INTEGER")
		}
	}
	if ipk {
		// INTEGER PRIMARY KEY is the rowid, unless it is DESC (then it has
		// an index of its own).
		idx, err := d.s.queryStrings("SELECT 1 FROM pragma_index_list(?) WHERE origin='pk'", name)
		if err != nil || len(idx) == 0 {
			return ""
		}
	}
	for _, r := range []string{"rowid", "_rowid_", "oid"} {
		taken := false
		for _, c := range cols {
			taken = taken || strings.EqualFold(c[1], r)
		}
		if !taken {
			return r
		}
	}
	return ""
}

// value writes column i of the current row as an SQL literal.
func (d *dumper) value(b *strings.Builder, stmt *sqlite3.Stmt, i int) error {
	switch stmt.ColumnType(i) {
	case sqlite3.NULL:
		b.WriteString("NULL")
	case sqlite3.INTEGER:
		b.WriteString(stmt.ColumnText(i))
	case sqlite3.FLOAT:
		q, err := d.quoteFloat(stmt.ColumnFloat(i))
		if err != nil {
			return err
		}
		b.WriteString(q)
	case sqlite3.BLOB:
		b.WriteString("x'")
		b.WriteString(hex.EncodeToString(stmt.ColumnRawBlob(i)))
		b.WriteString("'")
	default:
		b.WriteString(sqlTextLiteral(stmt.ColumnText(i)))
	}
	return nil
}

// quoteFloat renders a REAL as SQLite's quote() does.
func (d *dumper) quoteFloat(f float64) (string, error) {
	q := d.quoteStmt
	defer q.Reset()
	if err := q.BindFloat(1, f); err != nil {
		return "", err
	}
	if !q.Step() {
		return "", q.Err()
	}
	return q.ColumnText(0), nil
}

// sqlTextLiteral writes text as the stock shell's dump does: 'it”s', or,
// when it holds control characters (below 0x20), unistr('a\u000ab') with
// backslashes doubled. Like the C shell it stops at a NUL byte.
func sqlTextLiteral(s string) string {
	s = sqltext.CString(s)
	ctl := false
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 {
			ctl = true
			break
		}
	}
	if !ctl {
		return sqltext.StringLiteral(s)
	}
	var b strings.Builder
	b.WriteString("unistr('")
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			b.WriteString("''")
		case c == '\\':
			b.WriteString(`\\`)
		case c < 0x20:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteString("')")
	return b.String()
}
