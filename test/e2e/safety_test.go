//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// Issue 11: the shell must not damage data. The differential cases
// (testdata/diff/safety-*.case) cover what both shells print; these tests
// cover what only shows in the files left behind or in messages on
// stderr: a disk that fills up, a WAL database on a read-only mount, inline
// .import data given where there is no script to read it from, and dumps
// moved between the two shells in both directions.

// tinyVolume mounts a 1 MB tmpfs on a fresh folder for the test.
func tinyVolume(t *testing.T) string {
	t.Helper()
	needRoot(t)
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=1m"); err != nil {
		need(t, false, "mounting a tmpfs ("+err.Error()+")")
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmounting %s: %v", dir, err)
		}
	})
	return dir
}

// TestDiskFull fills a 1 MB volume (issue 11, case 6): the message must say
// "database or disk is full", as the stock shell's does, not "disk I/O
// error"; the exit status is the stock shell's; what was committed before
// is still there, the database passes its integrity check, and no file is
// left beside it that the stock shell does not leave.
func TestDiskFull(t *testing.T) {
	stockBin := stockSQLite3(t)
	const fill = "INSERT INTO t SELECT randomblob(1000) FROM generate_series(1,2000)"
	cases := []struct {
		name  string
		setup []string // SQL arguments run first, on vol/f.db
		fail  []string // the arguments that must fail for a full disk
		check string   // run after, on vol/f.db; its output must match the stock run's
	}{
		{"rollback journal",
			[]string{"CREATE TABLE keep(x); INSERT INTO keep VALUES('before'); CREATE TABLE t(x)"},
			[]string{fill},
			"SELECT * FROM keep; SELECT count(*) FROM t; PRAGMA integrity_check"},
		{"wal",
			[]string{"PRAGMA journal_mode=WAL", "CREATE TABLE keep(x); INSERT INTO keep VALUES('before'); CREATE TABLE t(x)"},
			[]string{fill},
			"SELECT * FROM keep; SELECT count(*) FROM t; PRAGMA integrity_check"},
		{"index in a transaction",
			[]string{"CREATE TABLE keep(x); INSERT INTO keep VALUES('before'); CREATE TABLE t(x)",
				"INSERT INTO t SELECT randomblob(300) FROM generate_series(1,1000)"},
			[]string{"BEGIN; CREATE INDEX ti ON t(x); CREATE INDEX tj ON t(x, x); COMMIT"},
			"SELECT * FROM keep; SELECT count(*) FROM t; SELECT count(*) FROM sqlite_schema WHERE type='index'; PRAGMA integrity_check"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var results [2]result
			var checks [2]string
			var files [2][]string
			for i, prog := range []string{stockBin, bin} {
				vol := tinyVolume(t)
				db := filepath.Join(vol, "f.db")
				for _, sql := range c.setup {
					if r := runProg(t, prog, db, sql); r.code != 0 {
						t.Fatalf("setup %q: status %d, %s", sql, r.code, r.stderr)
					}
				}
				results[i] = runProg(t, prog, append([]string{db}, c.fail...)...)
				r := runProg(t, stockBin, db, c.check)
				checks[i] = r.stdout + r.stderr
				files[i] = dirNames(t, vol)
				sort.Strings(files[i])
			}
			theirs, ours := results[0], results[1]
			assertCleanStderr(t, ours.stderr)
			if !strings.Contains(theirs.stderr, "database or disk is full") {
				t.Fatalf("the stock shell did not fill the disk: status %d, stderr %q", theirs.code, theirs.stderr)
			}
			if !strings.Contains(ours.stderr, "database or disk is full") || strings.Contains(ours.stderr, "disk I/O error") {
				t.Errorf("stderr %q, want the stock shell's message %q", ours.stderr, theirs.stderr)
			}
			if got, want := strings.TrimPrefix(ours.stderr, "hello-sqlite: "), theirs.stderr; got != want {
				t.Errorf("message %q, stock %q", got, want)
			}
			if ours.code != theirs.code {
				t.Errorf("status %d, stock %d", ours.code, theirs.code)
			}
			if checks[1] != checks[0] || !strings.Contains(checks[1], "before") {
				t.Errorf("after the failure:\n%s\nstock:\n%s", checks[1], checks[0])
			}
			if strings.Join(files[1], " ") != strings.Join(files[0], " ") {
				t.Errorf("files left: %q, stock %q", files[1], files[0])
			}
		})
	}
}

// runProg runs prog (ours or the stock shell) with args, no stdin.
func runProg(t testing.TB, prog string, args ...string) result {
	t.Helper()
	if prog == bin {
		return hello(t, "", "", args...)
	}
	return stock(t, "", "", args...)
}

// TestDiskFullCopies writes copies that do not fit, with VACUUM INTO and
// .backup: the message says the disk is full (VACUUM INTO's is the stock
// shell's to the letter; .backup words its own around SQLite's), the
// status is the stock shell's, and the files left are the stock shell's.
func TestDiskFullCopies(t *testing.T) {
	stockBin := stockSQLite3(t)
	src := filepath.Join(t.TempDir(), "big.db")
	if r := runProg(t, stockBin, src, "CREATE TABLE b(x); INSERT INTO b SELECT randomblob(1000) FROM generate_series(1,2000)"); r.code != 0 {
		t.Fatalf("setup: %d %s", r.code, r.stderr)
	}
	for _, c := range []struct {
		name  string
		cmd   func(vol string) string
		exact bool
	}{
		{"vacuum into", func(vol string) string { return "VACUUM INTO '" + filepath.Join(vol, "copy.db") + "'" }, true},
		{"backup", func(vol string) string { return ".backup " + filepath.Join(vol, "copy.db") }, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var results [2]result
			var files [2][]string
			for i, prog := range []string{stockBin, bin} {
				vol := tinyVolume(t)
				results[i] = runProg(t, prog, src, c.cmd(vol))
				files[i] = dirNames(t, vol)
			}
			theirs, ours := results[0], results[1]
			assertCleanStderr(t, ours.stderr)
			if !strings.Contains(theirs.stderr, "database or disk is full") {
				t.Fatalf("the stock shell did not fill the disk: status %d, stderr %q", theirs.code, theirs.stderr)
			}
			if !strings.Contains(ours.stderr, "database or disk is full") || ours.code != theirs.code {
				t.Errorf("status %d, stderr %q; stock: %d, %q", ours.code, ours.stderr, theirs.code, theirs.stderr)
			}
			if got := strings.TrimPrefix(ours.stderr, "hello-sqlite: "); c.exact && got != theirs.stderr {
				t.Errorf("message %q, stock %q", got, theirs.stderr)
			}
			if strings.Join(files[1], " ") != strings.Join(files[0], " ") {
				t.Errorf("files left: %q, stock %q", files[1], files[0])
			}
		})
	}
}

// TestWALOnReadOnlyMount opens a WAL database on a read-only volume (issue
// 11, case 7): SQLite cannot create its -shm file there, so the open fails
// (in the stock shell too); the message must say why and how to read it
// anyway (immutable=1), in the form of the other open errors, and that way
// must work.
func TestWALOnReadOnlyMount(t *testing.T) {
	vol := volume(t)
	db := filepath.Join(vol, "w.db")
	if r := hello(t, "", "", db, "PRAGMA journal_mode=WAL", "CREATE TABLE t(x); INSERT INTO t VALUES(42)"); r.code != 0 {
		t.Fatalf("setup: %d %s", r.code, r.stderr)
	}
	chownNobody(t, db)
	before := fileSum(t, db)
	for _, args := range [][]string{{"/data/w.db", "SELECT x FROM t"}, {"-readonly", "/data/w.db", "SELECT x FROM t"}} {
		r := runCmd(t, roRootCmd(t, vol, true, args...), "")
		wantFailure(t, r, 1, `unable to open database "/data/w.db": unable to open database file (`)
		for _, part := range []string{"WAL", "read-only", "file:/data/w.db?immutable=1"} {
			if !strings.Contains(r.stderr, part) {
				t.Errorf("%q: stderr %q does not name %q", args, r.stderr, part)
			}
		}
	}
	r := runCmd(t, roRootCmd(t, vol, true, "file:/data/w.db?immutable=1", "SELECT x FROM t"), "")
	if r.code != 0 || r.stdout != "42\n" {
		t.Errorf("the suggested URI: status %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if fileSum(t, db) != before {
		t.Error("the database changed")
	}
	if names := dirNames(t, vol); strings.Join(names, " ") != "w.db" {
		t.Errorf("files on the volume: %q", names)
	}
}

// TestImportHeredocFromArgument gives ".import <<END t" as a command-line
// argument or with -cmd, where there is no script to take the data from
// (the stock 3.53 shell crashes there): a clear message, status 1, the run
// stops, and nothing on stdin runs as SQL or lands in the table.
func TestImportHeredocFromArgument(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")
	stdin := "DELETE FROM keep;\nEND\nSELECT 'from stdin';\n"
	for _, args := range [][]string{
		{db, "CREATE TABLE IF NOT EXISTS keep(x); INSERT INTO keep VALUES(1)", ".import <<END keep", "SELECT 'after'"},
		{"-cmd", ".import <<END keep", db},
	} {
		r := hello(t, dir, stdin, args...)
		wantFailure(t, r, 1, "<<END")
		if strings.Contains(r.stdout, "from stdin") || strings.Contains(r.stdout, "after") {
			t.Errorf("%q: ran more input: %q", args, r.stdout)
		}
		if got := mustQuery(t, false, db, "SELECT count(*) FROM keep"); got != "1" {
			t.Errorf("%q: keep holds %s rows, want 1", args, got)
		}
	}
}

// A source database for the dump round trips, made by the stock shell.
var restoreSources = []struct {
	name, setup, content string
}{
	{"dqs", `.dbconfig dqs_ddl on
CREATE TABLE t4(hello, check( hello IS NOT "xyz") ); INSERT INTO t4 VALUES('abc');
CREATE VIEW v4 AS SELECT hello FROM t4 WHERE hello <> "zzz";
CREATE TRIGGER tr4 AFTER INSERT ON t4 BEGIN SELECT "a"; END;
`, `SELECT * FROM t4; SELECT name FROM sqlite_schema ORDER BY 1; PRAGMA integrity_check;`},
	{"fts5", `CREATE TABLE t1(x); INSERT INTO t1 VALUES('one');
CREATE VIRTUAL TABLE r1 USING fts5(a, b); INSERT INTO r1 VALUES('two', 'three'), ('four', 'five');
`, `SELECT * FROM t1; SELECT * FROM r1 WHERE r1 MATCH 'four'; SELECT name FROM sqlite_schema ORDER BY 1; PRAGMA integrity_check;`},
	{"sequence and stat1", `CREATE TABLE au(id INTEGER PRIMARY KEY AUTOINCREMENT, v);
INSERT INTO au(v) VALUES('a'),('b'),('c'); DELETE FROM au WHERE id=3;
CREATE TABLE s(a, b); CREATE INDEX si ON s(a); INSERT INTO s SELECT value%7, value FROM generate_series(1,50);
ANALYZE;
`, `SELECT * FROM sqlite_sequence; SELECT * FROM sqlite_stat1 ORDER BY 1, 2; SELECT count(*), sum(b) FROM s; PRAGMA integrity_check;`},
}

// TestDumpRestoreAcrossShells moves each source database with .dump in
// every direction between the two shells (ours to stock, stock to ours,
// ours to ours), loading the dump into an empty database both with .read
// and on stdin: the load must succeed without a message and rebuild the
// same content (read back by the stock shell, which has fts5).
func TestDumpRestoreAcrossShells(t *testing.T) {
	stockBin := stockSQLite3(t)
	for _, src := range restoreSources {
		t.Run(src.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if _, errs, st := dumpRun(t, stockBin, dir, src.setup, "src.db"); st != 0 {
				t.Fatalf("setup: status %d, %s", st, errs)
			}
			want, errs, st := dumpRun(t, stockBin, dir, src.content, "src.db")
			if st != 0 || !strings.HasSuffix(want, "ok\n") {
				t.Fatalf("reading the source: status %d, %s%s", st, want, errs)
			}
			progs := map[string]string{"ours": bin, "stock": stockBin}
			for _, dir2 := range [][2]string{{"ours", "stock"}, {"stock", "ours"}, {"ours", "ours"}} {
				dumper, loader := dir2[0], dir2[1]
				dump, errs, st := dumpRun(t, progs[dumper], dir, "", "src.db", ".dump")
				if st != 0 {
					t.Fatalf("%s .dump: status %d, %s", dumper, st, errs)
				}
				if err := os.WriteFile(filepath.Join(dir, "dump.sql"), []byte(dump), 0o644); err != nil {
					t.Fatal(err)
				}
				for _, how := range []string{".read", "stdin"} {
					target := dumper + "-" + loader + "-" + strings.TrimPrefix(how, ".") + ".db"
					var errs string
					var st int
					if how == ".read" {
						_, errs, st = dumpRun(t, progs[loader], dir, "", target, ".read dump.sql")
					} else {
						_, errs, st = dumpRun(t, progs[loader], dir, dump, target)
					}
					if st != 0 || errs != "" {
						t.Errorf("%s's dump loaded by %s with %s: status %d, stderr %q", dumper, loader, how, st, errs)
						continue
					}
					if got, _, _ := dumpRun(t, stockBin, dir, src.content, target); got != want {
						t.Errorf("%s's dump loaded by %s with %s rebuilt:\n%s\nwant:\n%s", dumper, loader, how, got, want)
					}
				}
			}
		})
	}
}
