package engine

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ncruces/go-sqlite3"
)

// TestChooseTempDir: the first folder that works, in order.
func TestChooseTempDir(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	saved := tempDirCandidates
	defer func() { tempDirCandidates = saved }()
	for _, c := range []struct {
		candidates []string
		db, want   string
	}{
		{[]string{a, b}, filepath.Join(b, "x.db"), a},
		{[]string{"/nonexistent", b}, filepath.Join(a, "x.db"), b},
		{[]string{"/nonexistent", "/proc"}, filepath.Join(a, "x.db"), a}, // the database's folder
		{[]string{"/nonexistent"}, "file:" + filepath.Join(b, "x.db") + "?mode=rwc", b},
		{[]string{"/nonexistent"}, "/proc/x.db", ""}, // no folder works, not even for root: memory
		{[]string{"/nonexistent"}, ":memory:", ""},
	} {
		tempDirCandidates = func() []string { return c.candidates }
		if got := chooseTempDir(c.db); got != c.want {
			t.Errorf("candidates %q, database %q: got %q, want %q", c.candidates, c.db, got, c.want)
		}
	}
}

func TestDBFilePath(t *testing.T) {
	for in, want := range map[string]string{
		"x.db": "x.db", ":memory:": "", "file:x.db": "x.db", "file:/a/b.db?mode=ro": "/a/b.db",
		"file:///a/b.db": "/a/b.db", "file://localhost/a/b.db": "/a/b.db", "file:a%20b.db#x": "a b.db",
		"file::memory:": "", "file:x?mode=memory": "", "": "",
	} {
		if got := dbFilePath(in); got != want {
			t.Errorf("dbFilePath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReadOnlyURI checks the URI Open builds for -readonly: fileURI, then
// mode=ro unless the URI says what it wants.
func TestReadOnlyURI(t *testing.T) {
	for in, want := range map[string]string{
		"file:x.db?cache=shared": "file:x.db?cache=shared&mode=ro",
		"file:x.db?mode=rwc":     "file:x.db?mode=rwc", // the URI says what it wants
		"x.db":                   "file:x.db?mode=ro",
		"a?b#c%d.db":             "file:a%3Fb%23c%25d.db?mode=ro",
		"//srv/x.db":             "file:////srv/x.db?mode=ro",
		":memory:":               "file::memory:?mode=ro",
		"":                       "file:?mode=ro",
	} {
		if got := withParam(fileURI(in), "mode", "ro"); got != want {
			t.Errorf("read-only URI of %q = %q, want %q", in, got, want)
		}
	}
}

// TestURI: every database goes through our VFS, unless its URI names one.
func TestURI(t *testing.T) {
	for in, want := range map[string]string{
		"x.db":                  "file:x.db?vfs=" + VFSName,
		"file:x.db?mode=ro":     "file:x.db?mode=ro&vfs=" + VFSName,
		"file:x.db?vfs=memdb":   "file:x.db?vfs=memdb",
		"/a/b c.db":             "file:/a/b c.db?vfs=" + VFSName,
		"file:/a/w.db?nolock=1": "file:/a/w.db?nolock=1&vfs=" + VFSName,
	} {
		if got := URI(in); got != want {
			t.Errorf("URI(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOpenDefensive: Open turns SQLITE_DBCONFIG_DEFENSIVE on (the stock
// shell does), so SQL cannot write sqlite_schema, and uses our VFS.
func TestOpenDefensive(t *testing.T) {
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "d.db"), Options{MemoryLimit: DefaultMemoryLimit, BusyTimeout: DefaultBusyTimeout})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if on, err := db.Config(sqlite3.DBCONFIG_DEFENSIVE); !on || err != nil {
		t.Errorf("defensive %v, %v", on, err)
	}
	err = db.Exec(`CREATE TABLE t(x); PRAGMA writable_schema=ON; UPDATE sqlite_schema SET rootpage=1`)
	if err == nil || !strings.Contains(err.Error(), "may not be modified") {
		t.Errorf("writing sqlite_schema: %v", err)
	}
	stmt, _, err := db.Prepare(`SELECT count(*) FROM pragma_integrity_check WHERE integrity_check='ok'`)
	if err != nil {
		t.Fatal(err)
	}
	defer stmt.Close()
	if !stmt.Step() || stmt.ColumnInt(0) != 1 {
		t.Errorf("integrity check failed after the refused write")
	}
}

// TestTempFilesWithoutTmp runs work that needs SQLite temp files with no
// usable temp directory but the database's own: first through the bare
// driver, to show the work does need them, then through Open.
func TestTempFilesWithoutTmp(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("SQLITE_TMPDIR", "/nonexistent/sqlite-tmp")
	t.Setenv("TMPDIR", "/nonexistent/tmp")
	saved := tempDirCandidates
	tempDirCandidates = func() []string { return []string{"/nonexistent/sqlite-tmp", "/nonexistent/tmp"} }
	defer func() { tempDirCandidates = saved }()

	work := `PRAGMA cache_size=-200;
CREATE TABLE big(a, b);
INSERT INTO big SELECT value, randomblob(300) FROM generate_series(1, 20000);
CREATE INDEX big_b ON big(b);
CREATE TEMP TABLE tt AS SELECT a FROM big WHERE a % 7 = 0;
SELECT count(*) FROM tt;
SELECT count(*) FROM (SELECT a FROM big ORDER BY b DESC);
VACUUM;
PRAGMA integrity_check;
`
	bare, err := sqlite3.Open("bare.db")
	if err != nil {
		t.Fatal(err)
	}
	if err := bare.Exec(work); err == nil {
		t.Fatal("the work ran without temp files: the test proves nothing")
	}
	bare.Close()

	if got := chooseTempDir("heavy.db"); got != dir {
		t.Fatalf("temp dir = %q, want the database's folder %q", got, dir)
	}
	if got := runWork(t, "heavy.db", work); got != "2857\n20000\nok\n" {
		t.Fatalf("got %q", got)
	}
	// In memory when no folder works at all.
	if got := chooseTempDir(":memory:"); got != "" {
		t.Fatalf("temp dir for :memory: = %q, want none", got)
	}
	if got := runWork(t, ":memory:", work+"PRAGMA temp_store;\n"); got != "2857\n20000\nok\n2\n" {
		t.Fatalf("in memory: got %q", got)
	}
}

// runWork opens name with Open and runs the statements of work, returning
// the first column of every row they give, one a line.
func runWork(t *testing.T, name, work string) string {
	t.Helper()
	db, err := Open(context.Background(), name, Options{MemoryLimit: DefaultMemoryLimit, BusyTimeout: DefaultBusyTimeout})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out strings.Builder
	for sql := work; strings.TrimSpace(sql) != ""; {
		stmt, tail, err := db.Prepare(sql)
		if err != nil {
			t.Fatalf("%.40q: %v", sql, err)
		}
		if stmt == nil {
			break
		}
		for stmt.Step() {
			out.WriteString(stmt.ColumnText(0) + "\n")
		}
		if err := stmt.Err(); err != nil {
			t.Fatalf("%.40q: %v", sql, err)
		}
		stmt.Close()
		sql = tail
	}
	return out.String()
}
