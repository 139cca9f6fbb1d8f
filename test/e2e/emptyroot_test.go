//go:build e2e

package e2e

import (
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The image is one file: the binary, run as uid 65534 with no /tmp, /etc,
// /dev or /proc, a read-only root and at most a volume. These tests build
// such a root - a folder holding only /hello-sqlite (owned by root, mode
// 0555: read-only for uid 65534) and the folders a case asks for - and run
// the binary chrooted into it as uid 65534 in a new network namespace (no
// network) with an empty environment.

// rootDir is a folder inside the empty root: writable by uid 65534 (a
// volume) or not.
type rootDir struct {
	path     string // inside the root, e.g. "/data"
	writable bool
}

// emptyRoot builds a root holding only /hello-sqlite and dirs.
func emptyRoot(t testing.TB, dirs ...rootDir) string {
	t.Helper()
	needRoot(t)
	root := publicDir(t)
	root, err := filepath.EvalSymlinks(root)
	if err != nil {
		t.Fatal(err)
	}
	copyBinary(t, filepath.Join(root, "hello-sqlite"))
	for _, d := range dirs {
		p := filepath.Join(root, d.path)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		if d.writable {
			chownNobody(t, p)
		} else if err := os.Chmod(p, 0o555); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(root, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(root, 0o755) }) // so that publicDir's cleanup can remove it
	return root
}

// inRoot returns the command running /hello-sqlite args chrooted into
// root, as uid 65534, without network, with only env in its environment.
func inRoot(root string, env []string, args ...string) *exec.Cmd {
	cmd := exec.Command("/hello-sqlite", args...)
	cmd.Dir = "/"
	cmd.Env = append([]string{}, env...) // empty, not inherited
	attr := asNobody()
	attr.Chroot = root
	attr.Cloneflags = syscall.CLONE_NEWNET
	cmd.SysProcAttr = attr
	return cmd
}

// tempFileName matches the temp files of the driver's VFS as
// /proc/PID/fd shows them: an O_TMPFILE file ("#1234") or a named one
// removed at once ("1234.db"), both "(deleted)".
var tempFileName = regexp.MustCompile(`^(#\d+|\d+\.db) \(deleted\)$`)

// runWatched runs cmd with stdin and, while it runs, watches its open
// files: it returns the result and the folders (inside root) in which the
// process had temp files open.
func runWatched(t testing.TB, root string, cmd *exec.Cmd, stdin string) (result, []string) {
	t.Helper()
	var out, errb strings.Builder
	cmd.Stdin, cmd.Stdout, cmd.Stderr = strings.NewReader(stdin), &out, &errb
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %v: %v", cmd.Args, err)
	}
	seen := map[string]bool{}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			for _, target := range openFDs(cmd.Process.Pid) {
				if tempFileName.MatchString(filepath.Base(target)) {
					dir := filepath.Dir(target)
					if rel, err := filepath.Rel(root, dir); err == nil && !strings.HasPrefix(rel, "..") {
						dir = "/" + strings.TrimPrefix(rel, ".")
					}
					seen[dir] = true
				}
			}
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	wg.Wait()
	r := result{stdout: out.String(), stderr: errb.String(), took: time.Since(start)}
	r.code = exitStatus(t, err)
	var dirs []string
	for d := range seen {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	return r, dirs
}

func TestEmptyRootDemo(t *testing.T) {
	root := emptyRoot(t)
	r := runCmd(t, inRoot(root, nil), "")
	if r.code != 0 || r.stdout != "55\n" || r.stderr != "" {
		t.Fatalf("demo in an empty root: status %d, stdout %q, stderr %q; want 0, \"55\\n\", \"\"", r.code, r.stdout, r.stderr)
	}
	ents, _ := os.ReadDir(root)
	if len(ents) != 1 {
		t.Errorf("the demo left files in the root: %v", ents)
	}
	t.Logf("demo in an empty root as uid 65534: %v", r.took)
}

// tempWork is SQL that needs SQLite's temp files (with the default
// temp_store=FILE): a temp table, CREATE INDEX on a table larger than the
// page cache, a big ORDER BY on unindexed data, and VACUUM. rows sets the
// size; 100k rows of 32 hex digits are ~5 MB, over the 2 MB page cache.
func tempWork(rows int) string {
	return fmt.Sprintf(`CREATE TABLE t(id INTEGER PRIMARY KEY, b TEXT);
INSERT INTO t(b) SELECT hex(randomblob(16)) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < %d) SELECT x FROM c);
CREATE TEMP TABLE x AS SELECT * FROM t;
SELECT 'temp', count(*) FROM x;
CREATE INDEX t_b ON t(b);
SELECT 'sorted', count(*) FROM (SELECT b, lag(b) OVER (ORDER BY substr(b, 3)) AS p FROM t) WHERE substr(p, 3) > substr(b, 3);
VACUUM;
SELECT 'integrity', * FROM pragma_integrity_check;
SELECT 'order', substr(b, 3) FROM t ORDER BY substr(b, 3) DESC;
`, rows)
}

// checkTempWork checks the output of tempWork(rows).
func checkTempWork(t testing.TB, r result, rows int) {
	t.Helper()
	assertCleanStderr(t, r.stderr)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("temp-file work: status %d, stderr:\n%s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	head := []string{"temp|" + strconv.Itoa(rows), "sorted|0", "integrity|ok"}
	if len(lines) != len(head)+rows {
		t.Fatalf("temp-file work printed %d lines, want %d; first lines: %q", len(lines), len(head)+rows, lines[:min(len(lines), 5)])
	}
	for i, want := range head {
		if lines[i] != want {
			t.Errorf("line %d: %q, want %q", i+1, lines[i], want)
		}
	}
	prev := "\xff"
	for i, l := range lines[len(head):] {
		k, ok := strings.CutPrefix(l, "order|")
		if !ok || len(k) != 30 || k > prev {
			t.Fatalf("ORDER BY ... DESC row %d: %q after %q", i+1, l, prev)
		}
		prev = k
	}
}

func TestEmptyRootTempFiles(t *testing.T) {
	data := rootDir{"/data", true}
	tmpa, tmpb := rootDir{"/tmpa", true}, rootDir{"/tmpb", true}
	ro := rootDir{"/ro", false}
	tests := []struct {
		name     string
		dirs     []rootDir
		env      []string
		db       string
		rows     int
		wantTemp []string // folders where temp files must show up (none: in memory)
	}{
		// No /tmp: the volume holding the database is the only writable place.
		{"volume only", []rootDir{data}, nil, "/data/t.db", 300000, []string{"/data"}},
		// Nothing writable at all: temp data must stay in memory.
		{"memory database, read-only root", nil, nil, ":memory:", 300000, nil},
		{"SQLITE_TMPDIR first", []rootDir{data, tmpa, tmpb}, []string{"SQLITE_TMPDIR=/tmpa", "TMPDIR=/tmpb"}, "/data/t.db", 100000, []string{"/tmpa"}},
		{"TMPDIR", []rootDir{data, tmpb}, []string{"TMPDIR=/tmpb"}, "/data/t.db", 100000, []string{"/tmpb"}},
		{"TMPDIR for a memory database", []rootDir{tmpb}, []string{"TMPDIR=/tmpb"}, ":memory:", 100000, []string{"/tmpb"}},
		// tempdir.go: the first folder that works, so an unwritable or
		// missing SQLITE_TMPDIR falls back to the next one.
		{"SQLITE_TMPDIR not writable", []rootDir{data, ro, tmpb}, []string{"SQLITE_TMPDIR=/ro", "TMPDIR=/tmpb"}, "/data/t.db", 100000, []string{"/tmpb"}},
		{"SQLITE_TMPDIR missing", []rootDir{data}, []string{"SQLITE_TMPDIR=/missing"}, "/data/t.db", 100000, []string{"/data"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			root := emptyRoot(t, tc.dirs...)
			r, dirs := runWatched(t, root, inRoot(root, tc.env, tc.db), tempWork(tc.rows))
			checkTempWork(t, r, tc.rows)
			if strings.Join(dirs, " ") != strings.Join(tc.wantTemp, " ") {
				t.Errorf("temp files were open in %q, want %q", dirs, tc.wantTemp)
			}
			t.Logf("%d rows in %v; temp files in %q", tc.rows, r.took, dirs)
		})
	}
}

// A database on a read-only volume in a read-only root: reads that need
// temp files (a temp table, a big sort) work, from memory; writes fail
// with SQLite's read-only error; the file is untouched.
func TestEmptyRootReadOnlyVolume(t *testing.T) {
	root := emptyRoot(t, rootDir{"/data", false})
	db := filepath.Join(root, "data", "t.db")
	if err := os.Chmod(filepath.Dir(db), 0o755); err != nil {
		t.Fatal(err)
	}
	const rows = 100000
	setup := hello(t, "", "", db, fmt.Sprintf(`CREATE TABLE t(id INTEGER PRIMARY KEY, b TEXT);
INSERT INTO t(b) SELECT hex(randomblob(16)) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < %d) SELECT x FROM c)`, rows))
	if setup.code != 0 {
		t.Fatalf("setup: %d %s", setup.code, setup.stderr)
	}
	for _, p := range []string{db, filepath.Dir(db)} {
		mode := os.FileMode(0o444)
		if p != db {
			mode = 0o555
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
	}
	before := fileSum(t, db)

	r, dirs := runWatched(t, root, inRoot(root, nil, "/data/t.db"), `CREATE TEMP TABLE x AS SELECT * FROM t;
SELECT count(*) FROM x;
SELECT count(*) FROM (SELECT b, lag(b) OVER (ORDER BY substr(b, 3)) AS p FROM t) WHERE substr(p, 3) > substr(b, 3);
`)
	assertCleanStderr(t, r.stderr)
	if r.code != 0 || r.stdout != fmt.Sprintf("%d\n0\n", rows) {
		t.Fatalf("reading a read-only volume: status %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if len(dirs) != 0 {
		t.Errorf("temp files open in %q, on a read-only root?", dirs)
	}

	w := runCmd(t, inRoot(root, nil, "/data/t.db", "INSERT INTO t(b) VALUES ('x')"), "")
	assertCleanStderr(t, w.stderr)
	if w.code != 1 || !strings.Contains(w.stderr, "readonly database") {
		t.Errorf("writing a read-only volume: status %d, stderr %q; want 1 and \"attempt to write a readonly database\"", w.code, w.stderr)
	}
	if after := fileSum(t, db); after != before {
		t.Errorf("the read-only database changed: sha256 %s, was %s", after, before)
	}
	ents, _ := os.ReadDir(filepath.Dir(db))
	if len(ents) != 1 {
		t.Errorf("files beside the read-only database: %v", ents)
	}
}

// fileSum is the sha256 of a file, in hex.
func fileSum(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// The whole container at once: empty root, uid 65534, no network, PID 1
// of its own pid namespace, a volume; SIGTERM (docker stop) arrives while
// the shell sorts with temp files on the volume.
func TestEmptyRootSigterm(t *testing.T) {
	root := emptyRoot(t, rootDir{"/data", true})
	cmd := inRoot(root, nil, "/data/t.db",
		"CREATE TABLE t AS SELECT x, hex(randomblob(16)) AS b FROM ("+forever+" SELECT x FROM c LIMIT 100000)",
		"SELECT count(*) FROM (SELECT a.b FROM t a, t b ORDER BY substr(a.b, 2) || b.b)")
	cmd.SysProcAttr.Cloneflags |= syscall.CLONE_NEWPID
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if nsPID(t, cmd.Process.Pid) != 1 {
		t.Fatal("the shell is not PID 1 in its namespace")
	}
	limit := latencyLimit(t)
	// The table is made and the sort runs once it has a temp file open.
	waitUntil(t, "the sort has a temp file open", func() bool {
		return slices.ContainsFunc(openFDs(cmd.Process.Pid), func(f string) bool { return tempFileName.MatchString(filepath.Base(f)) })
	})
	code, took := signalAndWait(t, cmd, syscall.SIGTERM, &stderr)
	t.Logf("SIGTERM to exit: %d ms, status %d, stderr %q", took.Milliseconds(), code, stderr.String())
	if code != 143 || took > limit {
		t.Errorf("status %d after %v, want 143 within %v", code, took.Round(time.Millisecond), limit)
	}
	assertCleanStderr(t, stderr.String())
	if !strings.Contains(stderr.String(), "terminated") {
		t.Errorf("stderr %q does not say terminated", stderr.String())
	}
	r := runCmd(t, inRoot(root, nil, "/data/t.db", "PRAGMA integrity_check", "SELECT count(*) FROM t"), "")
	if r.code != 0 || r.stdout != "ok\n100000\n" {
		t.Errorf("afterwards: status %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if names := dirNames(t, filepath.Join(root, "data")); strings.Join(names, " ") != "t.db" {
		t.Errorf("files left on the volume: %q", names)
	}
}

// TestEmptyRootTimeZone: with no zone files in the root, TZ as a POSIX
// TZ string still sets SQLite's 'localtime' (internal/timezone), as a C
// library does; a zone name needs zone files there (the default build
// embeds none: docs/size.md), else it is UTC, as with glibc.
func TestEmptyRootTimeZone(t *testing.T) {
	root := emptyRoot(t)
	const sql = "SELECT datetime('2024-07-01 12:00:00','localtime'), datetime('2024-01-15 12:00:00','localtime')"
	for _, c := range []struct {
		env  []string
		want string
	}{
		{[]string{"TZ=CET-1CEST,M3.5.0,M10.5.0/3"}, "2024-07-01 14:00:00|2024-01-15 13:00:00\n"},
		{[]string{"TZ=EST5EDT,M3.2.0,M11.1.0"}, "2024-07-01 08:00:00|2024-01-15 07:00:00\n"},
		{[]string{"TZ=<+0530>-5:30"}, "2024-07-01 17:30:00|2024-01-15 17:30:00\n"},
		{nil, "2024-07-01 12:00:00|2024-01-15 12:00:00\n"},                          // no TZ: UTC
		{[]string{"TZ=Europe/Berlin"}, "2024-07-01 12:00:00|2024-01-15 12:00:00\n"}, // no zone files: UTC
		{[]string{"TZ=No/Such_Zone"}, "2024-07-01 12:00:00|2024-01-15 12:00:00\n"},  // as glibc: UTC
	} {
		r := runCmd(t, inRoot(root, c.env, ":memory:", sql), "")
		assertCleanStderr(t, r.stderr)
		if r.code != 0 || r.stdout != c.want {
			t.Errorf("%v: status %d, stdout %q, stderr %q; want %q", c.env, r.code, r.stdout, r.stderr, c.want)
		}
	}
}
