//go:build e2e

package e2e

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// .dump and .import against the stock sqlite3 shell: our dump must rebuild
// the same database in the stock shell (and the stock shell's in ours), and
// both shells must import the same CSV into the same rows.

// dumpRun runs a shell (our binary or the stock one) in dir and returns
// its stdout, stderr and exit status.
func dumpRun(t *testing.T, prog, dir, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(prog, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	status := 0
	if errors.As(err, &ee) {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s: %v", prog, err)
	}
	return out.String(), errb.String(), status
}

// dumpTricky is a database with the values and objects a dump must carry.
// (No infinities: the stock 3.53 shell dumps them as Inf, which it cannot
// read back; ours writes 9.0e+999.)
const dumpTricky = `
CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c REAL, d BLOB, "e f" int);
INSERT INTO t VALUES(1,'it''s',0.1,x'00ff',NULL),(2,'line1
line2',1e300,x'',3),(3,'tab	cr'||char(13)||'x',-0.0,NULL,4),(4,'üñí 日本',12.5,NULL,5),
(5,'',-3.25,zeroblob(3),6),(6,'back\slash'||char(10),123456789012345678,NULL,7),(7,'a"b',1.5,NULL,8),
(8,'b',100.0,NULL,9),(9,'c',2.5e-300,NULL,10),(10,'d',1.0/3,NULL,-9223372036854775808),
(11,NULL,NULL,NULL,NULL),(12,char(127)||char(27),4.9e-324,randomblob(40),9223372036854775807);
CREATE TABLE "select"("from" TEXT, "a b");
INSERT INTO "select" VALUES('k','v'),(NULL,x'01');
CREATE TABLE au(id INTEGER PRIMARY KEY AUTOINCREMENT, v);
INSERT INTO au(v) VALUES('a'),('b'),('c');
DELETE FROM au WHERE id=3;
CREATE TABLE wr(k TEXT PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO wr VALUES('k1', 1),('k0',2.5);
CREATE TABLE g(a, b AS (a*2), c AS (a*3) STORED);
INSERT INTO g(a) VALUES(5),(NULL);
CREATE TABLE parent(id INTEGER PRIMARY KEY);
CREATE TABLE child(pid REFERENCES parent(id));
INSERT INTO child VALUES(1);
INSERT INTO parent VALUES(1);
CREATE INDEX ti ON t(b);
CREATE UNIQUE INDEX ti2 ON t(c, "e f") WHERE c > 0;
CREATE VIEW v AS SELECT a, b AS "x y" FROM t;
CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO au(v) VALUES(new.b); END;
CREATE TABLE empty(x);
ANALYZE;
`

// dumpContent lists every table's rows, typed, and the schema: two
// databases with the same dumpContent hold the same data.
const dumpContent = `.mode quote
SELECT 'T', a, typeof(a), b, c, d, "e f" FROM t ORDER BY a;
SELECT 'S', * FROM "select";
SELECT 'A', * FROM au;
SELECT 'W', * FROM wr;
SELECT 'G', a, b, c FROM g;
SELECT 'C', * FROM child;
SELECT 'P', * FROM parent;
SELECT 'Q', * FROM sqlite_sequence;
SELECT 'N', count(*) FROM sqlite_stat1;
SELECT 'M', type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name;
PRAGMA integrity_check;
`

func TestDumpRoundTripWithStock(t *testing.T) {
	stockBin := stockSQLite3(t)
	dir := t.TempDir()
	if _, errs, st := dumpRun(t, stockBin, dir, dumpTricky, "src.db"); st != 0 {
		t.Fatalf("setup: status %d: %s", st, errs)
	}
	want, errs, st := dumpRun(t, stockBin, dir, dumpContent, "src.db")
	if st != 0 || !strings.Contains(want, "'T',12,") {
		t.Fatalf("reading the source: status %d, %s%s", st, want, errs)
	}

	// Ours dumps, the stock shell loads.
	ours, errs, st := dumpRun(t, bin, dir, "", "src.db", ".dump")
	if st != 0 || errs != "" {
		t.Fatalf("our .dump: status %d, stderr %q", st, errs)
	}
	if _, errs, st := dumpRun(t, stockBin, dir, ours, "fromours.db"); st != 0 || errs != "" {
		t.Fatalf("stock shell loading our dump: status %d, stderr %q", st, errs)
	}
	if got, _, _ := dumpRun(t, stockBin, dir, dumpContent, "fromours.db"); got != want {
		t.Errorf("the stock shell rebuilt a different database from our dump:\n%s\nwant:\n%s", got, want)
	}

	// The stock shell dumps, ours loads.
	theirs, errs, st := dumpRun(t, stockBin, dir, "", "src.db", ".dump")
	if st != 0 {
		t.Fatalf("stock .dump: status %d, stderr %q", st, errs)
	}
	if _, errs, st := dumpRun(t, bin, dir, theirs, "fromstock.db"); st != 0 || errs != "" {
		t.Fatalf("loading the stock dump: status %d, stderr %q", st, errs)
	}
	if got, _, _ := dumpRun(t, stockBin, dir, dumpContent, "fromstock.db"); got != want {
		t.Errorf("we rebuilt a different database from the stock dump:\n%s\nwant:\n%s", got, want)
	}

	// Without infinities, the two dumps are the same text.
	if ours != theirs {
		t.Errorf("our dump differs from the stock shell's:\n%s\nstock:\n%s", ours, theirs)
	}
	for _, args := range [][]string{{".dump --data-only"}, {".dump --nosys"}, {".dump t% au"}, {".dump v"}, {".dump --preserve-rowids"}} {
		o, _, _ := dumpRun(t, bin, dir, "", append([]string{"src.db"}, args...)...)
		s, _, _ := dumpRun(t, stockBin, dir, "", append([]string{"src.db"}, args...)...)
		if o != s {
			t.Errorf("%s: ours\n%s\nstock:\n%s", args, o, s)
		}
	}
}

// TestDumpInfinity checks the one value where we differ on purpose: an
// infinite REAL, which must survive a round trip through the stock shell.
func TestDumpInfinity(t *testing.T) {
	stockBin := stockSQLite3(t)
	dir := t.TempDir()
	dumpRun(t, bin, dir, "CREATE TABLE t(x); INSERT INTO t VALUES(1e999),(-1e999);", "src.db")
	ours, _, _ := dumpRun(t, bin, dir, "", "src.db", ".dump")
	if !strings.Contains(ours, "INSERT INTO t VALUES(9.0e+999);") || !strings.Contains(ours, "INSERT INTO t VALUES(-9.0e+999);") {
		t.Fatalf("dump:\n%s", ours)
	}
	dumpRun(t, stockBin, dir, ours, "inf.db")
	got, errs, _ := dumpRun(t, stockBin, dir, "", "inf.db", "SELECT x, typeof(x) FROM t")
	if got != "Inf|real\n-Inf|real\n" {
		t.Errorf("stock shell read back %q (%s)", got, errs)
	}
}

// dumpCSV is CSV that exercises the reader: quotes, doubled quotes,
// separators and newlines inside quotes, CRLF line ends, a BOM, unicode,
// empty fields, short and long rows.
const dumpCSV = "\xef\xbb\xbfname,\"note, with comma\",n\r\n" +
	"plain,\"say \"\"hi\"\"\",1\r\n" +
	"\"multi\nline\",,2\r\n" +
	"üñí,\"a\r\nb\",\r\n" +
	"short,x\r\n" +
	"long,1,2,3\r\n" +
	"\"\",\"\",\"\"\r\n" +
	"last,no newline,9"

func TestImportMatchesStock(t *testing.T) {
	stockBin := stockSQLite3(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "in.csv"), []byte(dumpCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "in.txt"), []byte("a|b\n1|\"x|y\"\n2|z\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	scripts := []string{
		".import --csv in.csv t\n",
		".mode csv\n.import in.csv t\n",
		"CREATE TABLE t(a TEXT, b TEXT, c INT);\n.import --csv --skip 1 in.csv t\n",
		".import in.txt t\n",
	}
	for _, script := range scripts {
		var results [2]string
		var stderrs [2]string
		for i, prog := range []string{stockBin, bin} {
			db := filepath.Join(dir, "imp"+string(rune('0'+i))+".db")
			os.Remove(db)
			_, errs, st := dumpRun(t, prog, dir, script, db)
			if st != 0 {
				t.Errorf("%q: status %d from %s: %s", script, st, prog, errs)
			}
			stderrs[i] = errs
			results[i], _, _ = dumpRun(t, stockBin, dir, ".mode quote\n.schema t\nSELECT *, '|' FROM t;\n", db)
		}
		if results[0] != results[1] || !strings.Contains(results[0], "CREATE TABLE") {
			t.Errorf("%q: imported differently:\nstock:\n%s\nours:\n%s", script, results[0], results[1])
		}
		// Same warnings.
		if stderrs[1] != stderrs[0] {
			t.Errorf("%q: warnings differ:\nstock:\n%s\nours:\n%s", script, stderrs[0], stderrs[1])
		}
	}
}
