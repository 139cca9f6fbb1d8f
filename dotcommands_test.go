package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dotRun runs the program with args and stdin as main does, and returns
// stdout, stderr and the exit status.
func dotRun(t *testing.T, stdin string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	status = exitCode(err, &errb)
	return out.String(), errb.String(), status
}

// trickySetup builds a database with values and objects .dump must carry.
const trickySetup = `
CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c REAL, d BLOB, "e f" int);
INSERT INTO t VALUES(1,'it''s',0.1,x'00ff',NULL),(2,'line1
line2',1e300,x'',3),(3,'tab	cr'||char(13)||'x',-0.0,NULL,4),(4,'üñí',1e999,NULL,5),
(5,'',-1e999,zeroblob(2),6),(6,'back\slash',123456789012345678,NULL,7),(7,'a',1.5,NULL,8),
(8,'b',100.0,NULL,9),(9,'c',2.5e-300,NULL,10),(10,'d',1.0/3,NULL,-9223372036854775808);
CREATE TABLE "select"(x);
INSERT INTO "select" VALUES(1);
CREATE TABLE au(id INTEGER PRIMARY KEY AUTOINCREMENT, v);
INSERT INTO au(v) VALUES('a'),('b');
DELETE FROM au WHERE id=2;
CREATE TABLE wr(k TEXT PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO wr VALUES('k1', 1);
CREATE TABLE g(a, b AS (a*2), c AS (a*3) STORED);
INSERT INTO g(a) VALUES(5);
CREATE INDEX ti ON t(b);
CREATE VIEW v AS SELECT a, b AS "x y" FROM t;
CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;
`

// contentQuery summarises every table's rows, with types, for comparing
// two databases.
const contentQuery = `SELECT 'T', a, typeof(a), quote(b), quote(c), quote(d), "e f" FROM t;
SELECT 'S', x FROM "select"; SELECT 'A', * FROM au; SELECT 'W', * FROM wr; SELECT 'G', a, b, c FROM g;
SELECT 'Q', * FROM sqlite_sequence; SELECT 'M', type, name, sql FROM sqlite_schema ORDER BY name;`

// TestDumpRoundTrip dumps a tricky database, loads the dump into an empty
// one, and checks that the content and a second dump are the same.
func TestDumpRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "dst.db")
	if _, errs, st := dotRun(t, trickySetup, src); st != 0 {
		t.Fatalf("setup: %d %s", st, errs)
	}
	dump, errs, st := dotRun(t, "", src, ".dump")
	if st != 0 || errs != "" {
		t.Fatalf(".dump: status %d, stderr %q", st, errs)
	}
	for _, want := range []string{
		"PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n",
		"INSERT INTO t VALUES(1,'it''s',0.1,x'00ff',NULL);\n",
		"INSERT INTO t VALUES(2,unistr('line1\\u000aline2'),1.0e+300,x'',3);\n",
		"INSERT INTO t VALUES(4,'üñí',9.0e+999,NULL,5);\n",
		"INSERT INTO t VALUES(10,'d',0.33333333333333332,NULL,-9223372036854775808);\n",
		"CREATE TABLE IF NOT EXISTS \"select\"(x);\n",
		"INSERT INTO g VALUES(5);\n",
		"PRAGMA writable_schema=ON;\nCREATE TABLE IF NOT EXISTS sqlite_sequence(name,seq);\nDELETE FROM sqlite_sequence;\nINSERT INTO sqlite_sequence VALUES('au',2);\n",
		"CREATE VIEW v AS SELECT a, b AS \"x y\" FROM t;\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;\nCREATE INDEX ti ON t(b);\nPRAGMA writable_schema=OFF;\nCOMMIT;\n",
	} {
		if !strings.Contains(dump, want) {
			t.Errorf("dump lacks %q:\n%s", want, dump)
		}
	}
	if _, errs, st := dotRun(t, dump, dst); st != 0 {
		t.Fatalf("loading the dump: status %d, stderr %s", st, errs)
	}
	want, _, _ := dotRun(t, "", src, contentQuery)
	got, _, _ := dotRun(t, "", dst, contentQuery)
	if got != want || want == "" {
		t.Errorf("content differs after the round trip:\n%s\nwant:\n%s", got, want)
	}
	dump2, _, _ := dotRun(t, "", dst, ".dump")
	if dump2 != dump {
		t.Errorf("second dump differs:\n%s\nfirst:\n%s", dump2, dump)
	}
}

// TestDotCommands runs scripts of dot-commands and checks their output.
func TestDotCommands(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	write := func(name, content string) {
		if err := os.WriteFile(p(name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("t.csv", "a,b,\"c d\"\n1,\"x,y\",3\n\"multi\nline\",\"q\"\"uote\",\n4,5\n6,7,8,9\n")
	write("bom.csv", "\xef\xbb\xbfbom,y\r\n1,2\r\n\"a\r\nb\",3\r\n")
	write("u.csv", "id\n1\n1\n2\n")
	write("a.txt", "x\x1fy\x1e1\x1f\"2\"\x1e3\x1f4\x1e\n")
	write("sub.sql", "select 'in sub';\n.quit\nselect 'not run';\n")
	schema := "create table t(a); create table \"b c\"(x); create index ti on t(a); create view v as select a as z from t;"
	cases := []struct {
		name, stdin string
		args        []string
		want        string
		wantErr     string // substring of stderr; "" means empty
		status      int
		files       map[string]string // files the commands must have written
	}{
		{name: "tables", args: []string{":memory:", schema, ".tables", ".tables b%", ".ta nomatch"},
			want: "b c     t     v\nb c\n"},
		{name: "tables attached", args: []string{":memory:", "attach ':memory:' as aux", "create table aux.x(y)", schema, ".tables"},
			want: "aux.x     b c     t     v\n"},
		{name: "schema", args: []string{":memory:", schema, ".schema"},
			want: "CREATE TABLE t(a);\nCREATE TABLE \"b c\"(x);\nCREATE INDEX ti on t(a);\nCREATE VIEW v as select a as z from t\n/* v(z) */;\n"},
		{name: "schema pattern", args: []string{":memory:", schema, ".schema B%", ".schema t*"},
			want: "CREATE TABLE \"b c\"(x);\nCREATE TABLE t(a);\nCREATE INDEX ti on t(a);\n"},
		{name: "schema of schema", args: []string{":memory:", ".schema sqlite_master"},
			want: "CREATE TABLE sqlite_schema (\n  type text,\n  name text,\n  tbl_name text,\n  rootpage integer,\n  sql text\n);\n"},
		{name: "indexes", args: []string{":memory:", schema, "create table u(k primary key)", ".indexes", ".indexes --all", ".indexes nomatch"},
			want: "ti\nsqlite_autoindex_u_1     ti\n"},
		{name: "databases", args: []string{":memory:", ".databases"}, want: "main: \"\" r/w\n"},
		{name: "databases in a transaction", args: []string{":memory:", "begin; create table t(a)", ".databases"},
			want: "main: \"\" r/w write-txn\n"},
		{name: "import csv creates the table", args: []string{":memory:", ".import --csv " + p("t.csv") + " t1",
			".schema t1", "select quote(a), quote(b), quote(\"c d\") from t1"},
			want:    "CREATE TABLE \"t1\"(\n\"a\", \"b\", \"c d\");\n'1'|'x,y'|'3'\n'multi\nline'|'q\"uote'|''\n'4'|'5'|NULL\n'6'|'7'|'8'\n",
			wantErr: "t.csv:5: expected 3 columns but found 2 - filling the rest with NULL"},
		{name: "import into a typed table with skip", args: []string{":memory:", "create table z(a int)",
			".import --csv --skip 1 " + p("u.csv") + " z", "select a, typeof(a) from z"},
			want: "1|integer\n1|integer\n2|integer\n"},
		{name: "import bom and crlf", args: []string{":memory:", ".import --csv " + p("bom.csv") + " b", "select * from b"},
			want: "1|2\na\r\nb|3\n"},
		{name: "import insert failure", args: []string{":memory:", "create table u(id integer primary key)",
			".import --csv " + p("u.csv") + " u", "select 'not run'"},
			wantErr: "u.csv:3: INSERT failed: UNIQUE constraint failed: u.id", status: 1},
		{name: "import ascii", stdin: ".import --ascii " + p("a.txt") + " a\nselect * from a;\n", args: []string{":memory:"},
			want: "1|\"2\"\n3|4\n"},
		{name: "import missing file", args: []string{":memory:", ".import " + p("nope.csv") + " x"},
			wantErr: "cannot open", status: 1},
		{name: "import usage", args: []string{":memory:", ".import x"}, wantErr: "missing TABLE argument", status: 1},
		{name: "output and once", stdin: ".output " + p("o.txt") + "\nselect 1;\n.output\nselect 2;\n.once " + p("p.txt") +
			"\nselect 'x'||3;\nselect 4;\n.once " + p("q.txt") + "\n.print to q\n.print not to q\n",
			args: []string{":memory:"}, want: "2\n4\nnot to q\n",
			files: map[string]string{"o.txt": "1\n", "p.txt": "x3\n", "q.txt": "to q\n"}},
		{name: "read and quit inside", stdin: ".read " + p("sub.sql") + "\nselect 'after';\n", args: []string{":memory:"},
			want: "in sub\nafter\n"},
		{name: "read missing", args: []string{":memory:", ".read " + p("nope.sql")}, wantErr: "cannot open", status: 1},
		{name: "backup and restore", args: []string{p("a.db"), "create table q(x); insert into q values(42)",
			".backup " + p("b.db"), "delete from q", ".restore " + p("b.db"), "select * from q"}, want: "42\n"},
		{name: "save is backup", args: []string{":memory:", "create table q(x)", ".save " + p("s.db"), ".open " + p("s.db"), ".tables"},
			want: "q\n"},
		// As the stock shell: the missing file is created empty, and restoring
		// from it empties the database.
		{name: "restore missing file empties the database", args: []string{":memory:", "create table q(x)",
			".restore " + p("none.db"), ".tables", "select count(*) from sqlite_schema"}, want: "0\n"},
		{name: "restore unknown database", args: []string{":memory:", ".restore nosuch " + p("none2.db")},
			wantErr: "Error: unknown database nosuch", status: 1},
		{name: "open new and readonly", args: []string{":memory:", ".open " + p("o.db"), "create table a(x)",
			".open --new " + p("o.db"), ".tables", "create table b(y)", ".open --readonly " + p("o.db"), ".tables", "create table c(z)"},
			want: "b\n", wantErr: "readonly", status: 1},
		{name: "open bad option", args: []string{":memory:", ".open --zip x"}, wantErr: "unknown option: --zip", status: 1},
		{name: "print", args: []string{":memory:", `.print a "b\tc" 'd\te'`}, want: "a b\tc d\\te\n"},
		{name: "echo", stdin: ".echo on\nselect 1;\n.echo off\nselect 2;\n", args: []string{":memory:"},
			want: "select 1;\n1\n.echo off\n2\n"},
		{name: "bail", stdin: ".bail on\nselect 1;\nselect x;\nselect 2;\n", args: []string{":memory:"}, want: "1\n",
			wantErr: "no such column: x", status: 1},
		{name: "bail usage", args: []string{":memory:", ".bail"}, wantErr: "Usage: .bail on|off", status: 1},
		{name: "timeout", args: []string{":memory:", ".timeout 250", ".timeout", "select 1"}, want: "1\n"},
		{name: "quit", args: []string{":memory:", ".q", "select 1"}},
		{name: "exit", args: []string{":memory:", ".exit", "select 1"}},
		{name: "unknown", args: []string{":memory:", ".frobnicate"},
			wantErr: `unknown command or invalid arguments:  "frobnicate". Enter ".help" for help`, status: 1},
		{name: "not supported", args: []string{":memory:", ".shell ls"}, wantErr: ".shell is not supported", status: 1},
		{name: "help", args: []string{":memory:", ".help dum"},
			want: ".dump ?OBJECTS?          Render database content as SQL\n" +
				"   Options:\n" +
				"     --data-only            Output only INSERT statements\n" +
				"     --newlines             Allow unescaped newline characters in output\n" +
				"     --nosys                Omit system tables (ex: \"sqlite_stat1\")\n" +
				"     --preserve-rowids      Include ROWID values in the output\n" +
				"   OBJECTS is a LIKE pattern for tables, indexes, triggers or views to dump\n" +
				"   Additional LIKE patterns can be given in subsequent arguments\n"},
		{name: "help summary", args: []string{":memory:", ".help ti"},
			want: ".timeout MS              Try opening locked tables for MS milliseconds\n" +
				".timer on|off|once       Turn SQL timer on or off.\n"},
		{name: "help nothing", args: []string{":memory:", ".help zzz"}, want: "Nothing matches 'zzz'\n"},
		{name: "dump pattern", args: []string{":memory:", "create table t(a); insert into t values(1); create table u(b)", ".dump t"},
			want: "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE t(a);\nINSERT INTO t VALUES(1);\nCOMMIT;\n"},
		{name: "dump preserve rowids", args: []string{":memory:",
			"create table t(a); insert into t values('x'),('y'); delete from t where a='x'; create table w(k primary key) without rowid; insert into w values(1)",
			".dump --preserve-rowids --data-only"},
			want: "INSERT INTO t(rowid,a) VALUES(2,'y');\nINSERT INTO w(k) VALUES(1);\n"},
		{name: "dump data only", args: []string{":memory:", "create table t(a); insert into t values(1)", ".dump --data-only"},
			want: "INSERT INTO t VALUES(1);\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, st := dotRun(t, c.stdin, c.args...)
			if out != c.want {
				t.Errorf("stdout:\n%q\nwant:\n%q", out, c.want)
			}
			if c.wantErr == "" && errs != "" || !strings.Contains(errs, c.wantErr) {
				t.Errorf("stderr %q, want %q", errs, c.wantErr)
			}
			if st != c.status {
				t.Errorf("status %d, want %d", st, c.status)
			}
			for name, want := range c.files {
				if got, err := os.ReadFile(p(name)); string(got) != want {
					t.Errorf("%s holds %q (%v), want %q", name, got, err, want)
				}
			}
		})
	}
}

// TestExitCode checks that ".exit N" ends the process with status N after
// writing out what came before.
func TestExitCode(t *testing.T) {
	out, _, code := dotRun(t, "select 1;\n.exit 3\nselect 2;\n", ":memory:")
	if code != 3 || out != "1\n" {
		t.Errorf("code %d, stdout %q; want 3, \"1\\n\"", code, out)
	}
}
