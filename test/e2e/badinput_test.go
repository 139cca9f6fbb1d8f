//go:build e2e

package e2e

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Bad input gets a clear error (on stderr, "hello-sqlite: ...", never a Go
// trace), the documented exit status, and loses nothing.

// makeDB creates a database at path with table t(x UNIQUE) holding 1, 2, 3.
func makeDB(t testing.TB, path string) {
	t.Helper()
	if r := hello(t, "", "", path, "CREATE TABLE t(x UNIQUE)", "INSERT INTO t VALUES (1), (2), (3)"); r.code != 0 {
		t.Fatalf("creating %s: %d %s", path, r.code, r.stderr)
	}
}

// wantFailure checks a run that must fail with status code and a message
// holding msg.
func wantFailure(t testing.TB, r result, code int, msg string) {
	t.Helper()
	assertCleanStderr(t, r.stderr)
	if r.code != code {
		t.Errorf("status %d, want %d (stderr %q)", r.code, code, r.stderr)
	}
	if !strings.Contains(r.stderr, msg) {
		t.Errorf("stderr %q does not hold %q", r.stderr, msg)
	}
}

// dirNames lists the names in dir.
func dirNames(t testing.TB, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestBadInputNotADatabase(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	binary := make([]byte, 16<<10)
	for i := range binary {
		binary[i] = byte(rng.Uint32())
	}
	files := map[string][]byte{
		"binary":     append([]byte("this is not a database\n"), binary...),
		"text":       []byte("CREATE TABLE a(b);\nINSERT INTO a VALUES (1);\n"),
		"bad header": append([]byte("SQLite format 3\x00\xff\xff"), binary[:4000]...),
	}
	runs := []struct {
		name  string
		args  []string
		stdin string
	}{
		{"read", []string{"SELECT count(*) FROM sqlite_schema"}, ""},
		{"write", []string{"CREATE TABLE x(y)"}, ""},
		{"script", nil, "CREATE TABLE x(y);\nINSERT INTO x VALUES (1);\n"},
		{"vacuum", []string{"VACUUM"}, ""},
	}
	for fname, content := range files {
		for _, run := range runs {
			t.Run(fname+"/"+run.name, func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, "file.db")
				if err := os.WriteFile(path, content, 0o644); err != nil {
					t.Fatal(err)
				}
				before := fileSum(t, path)
				r := hello(t, dir, run.stdin, append([]string{path}, run.args...)...)
				wantFailure(t, r, 1, "not a database")
				if after := fileSum(t, path); after != before {
					t.Errorf("the file changed: sha256 %s, was %s", after, before)
				}
				if names := dirNames(t, dir); len(names) != 1 {
					t.Errorf("files left beside it: %q", names)
				}
			})
		}
	}
}

func TestBadInputMissingFolder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "no", "such", "folder", "t.db")
	for _, args := range [][]string{{path, "CREATE TABLE t(x)"}, {path}, {"-readonly", path, "SELECT 1"}} {
		r := hello(t, dir, "CREATE TABLE t(x);\n", args...)
		wantFailure(t, r, 1, "unable to open")
		if _, err := os.Stat(filepath.Join(dir, "no")); err == nil {
			t.Fatalf("%q created the missing folder", args)
		}
		t.Logf("%q: %s", args, strings.TrimSpace(r.stderr))
	}
}

func TestBadInputReadOnlyFile(t *testing.T) {
	// As uid 65534 a root-owned 0444 file cannot be written (root could).
	needRoot(t)
	dir := publicDir(t)
	nobodyBin := filepath.Join(dir, "hello-sqlite")
	copyBinary(t, nobodyBin)
	path := filepath.Join(dir, "ro.db")
	makeDB(t, path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, path)
	asUser := func(stdin string, args ...string) result {
		cmd := exec.Command(nobodyBin, args...)
		cmd.Dir = dir
		cmd.SysProcAttr = asNobody()
		return runCmd(t, cmd, stdin)
	}

	if r := asUser("", path, "SELECT group_concat(x) FROM t"); r.code != 0 || r.stdout != "1,2,3\n" {
		t.Errorf("reading a read-only file: status %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	for _, r := range []result{
		asUser("", path, "INSERT INTO t VALUES (4)"),
		asUser("BEGIN;\nINSERT INTO t VALUES (4);\nCOMMIT;\n", path),
		asUser("", path, "VACUUM"),
		hello(t, dir, "", "-readonly", path, "INSERT INTO t VALUES (4)"), // root, but -readonly
		hello(t, dir, "", "file:"+path+"?mode=ro", "DELETE FROM t"),
	} {
		wantFailure(t, r, 1, "attempt to write a readonly database")
	}
	if after := fileSum(t, path); after != before {
		t.Errorf("the read-only file changed: sha256 %s, was %s", after, before)
	}
	if names := dirNames(t, dir); strings.Join(names, " ") != "hello-sqlite ro.db" {
		t.Errorf("files left beside it: %q", names)
	}
}

func TestBadInputUsage(t *testing.T) {
	for _, c := range []struct {
		args   []string
		status int
		want   string // on stderr
	}{
		// The stock shell's messages and status for its own options.
		{[]string{"-frobnicate", "x.db"}, 1, ": Error: unknown option: -frobnicate\nUse -help for a list of options.\n"},
		{[]string{"--frobnicate", "x.db", "SELECT 1"}, 1, ": Error: unknown option: -frobnicate\n"},
		{[]string{"x.db", "-separator"}, 1, ": Error: missing argument to -separator\n"},
		{[]string{"-cmd"}, 1, ": Error: missing argument to -cmd\n"},
		{[]string{"-escape", "bold", "x.db"}, 1, "unknown control character escape mode \"bold\" - choices: auto off ascii symbol\n"},
		// Ours: -memory.
		{[]string{"-memory", "lots", "x.db"}, 2, "Use -help for a list of options."},
		{[]string{"-memory", "5000", "x.db"}, 2, "Use -help for a list of options."}, // over Wasm's 4 GB
	} {
		args := c.args
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := t.TempDir()
			r := hello(t, dir, "SELECT 1;\n", args...)
			if c.status == 2 {
				wantFailure(t, r, c.status, c.want)
			} else { // the stock shell's own text: no "hello-sqlite: " prefix
				for _, bad := range []string{"goroutine ", "panic:", "runtime error", "fatal error:"} {
					if strings.Contains(r.stderr, bad) {
						t.Fatalf("stderr holds %q (a Go crash?):\n%s", bad, r.stderr)
					}
				}
				if r.code != c.status || !strings.Contains(r.stderr, c.want) {
					t.Errorf("status %d, stderr %q; want status %d and %q", r.code, r.stderr, c.status, c.want)
				}
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
			if names := dirNames(t, dir); len(names) != 0 {
				t.Errorf("a usage error created %q", names)
			}
		})
	}
}

func TestBadInputMemoryVariable(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(bin, "x.db", "SELECT 1")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HELLO_SQLITE_MEMORY=lots")
	r := runCmd(t, cmd, "")
	wantFailure(t, r, 2, "HELLO_SQLITE_MEMORY")
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("a usage error created %q", names)
	}
}

func TestBadInputGarbageOnStdin(t *testing.T) {
	// Crafted inputs: the exit status must be the stock shell's (some of
	// these are legal: an unterminated comment is an empty statement).
	crafted := map[string]string{
		"quote":       "SELECT 'unterminated;\n",
		"identifier":  "SELECT \"x;\nSELECT [y;\n",
		"comment":     "SELECT 1; /* never ends\n",
		"trigger":     "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1;\n",
		"nul bytes":   "SELECT 1;\x00\x00 SELECT 2;\n\x00\n",
		"bad utf8":    "SELECT '\xff\xfe\xc3';\nSELECT x'zz';\n",
		"lone dot":    ".\n..\n. .\n",
		"long line":   "SELECT " + strings.Repeat("1+", 200000) + "1;\n",
		"deep parens": "SELECT " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000) + ";\n",
	}
	// Random bytes: always status 1 (they never parse).
	random := map[string]string{}
	for seed := uint64(1); seed <= 6; seed++ {
		rng := rand.New(rand.NewPCG(seed, 99))
		b := make([]byte, 64<<10)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		random[fmt.Sprintf("random %d", seed)] = string(b)
	}
	for _, set := range []map[string]string{crafted, random} {
		for name, input := range set {
			for _, bail := range []bool{false, true} {
				tname := name
				if bail {
					tname += " -bail"
				}
				t.Run(tname, func(t *testing.T) {
					dir := t.TempDir()
					args := []string{filepath.Join(dir, "t.db")}
					if bail {
						args = append([]string{"-bail"}, args...)
					}
					want := 1
					if _, ok := crafted[name]; ok {
						stockSQLite3(t)
						makeDB(t, args[len(args)-1])
						want = stock(t, dir, input, args...).code
						os.Remove(args[len(args)-1])
					}
					makeDB(t, args[len(args)-1])
					r := hello(t, dir, input, args...)
					assertCleanStderr(t, r.stderr)
					if r.code != want || (want != 0) != (r.stderr != "") {
						t.Errorf("status %d, stderr %q; want %d (the stock shell's) and an error when not 0", r.code, r.stderr, want)
					}
					if got := mustQuery(t, false, args[len(args)-1], "PRAGMA integrity_check; SELECT group_concat(x) FROM t"); got != "ok\n1,2,3" {
						t.Errorf("the database afterwards: %q", got)
					}
				})
			}
		}
	}
}

func TestBadInputLimits(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		msg   string
		out   string // stdout: the session goes on after the error
	}{
		{"zeroblob over 2 GB", []string{"SELECT length(zeroblob(2000000000))"}, "", "string or blob too big", ""},
		{"randomblob over SQLITE_MAX_LENGTH", []string{"SELECT length(randomblob(1000000001))"}, "", "string or blob too big", ""},
		{"1 GB of text at the default memory limit", nil, "SELECT length(printf('%.*c', 1000000001, 'x'));\nSELECT 42;\n", "out of memory", "42\n"},
		{"insert a blob over the limit", nil, "INSERT INTO t VALUES (zeroblob(2000000000));\nSELECT group_concat(x) FROM t;\n", "string or blob too big", "1,2,3\n"},
		{"out of memory", []string{"-memory", "16"}, "SELECT length(randomblob(100000000));\nSELECT 42;\n", "out of memory", "42\n"},
		{"out of memory at the default limit", nil, "SELECT length(randomblob(900000000));\nSELECT group_concat(x) FROM t;\n", "out of memory", "1,2,3\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "t.db")
			makeDB(t, db)
			var args []string
			if len(tc.args) > 0 && strings.HasPrefix(tc.args[0], "-") {
				args = append(append(args, tc.args...), db)
			} else {
				args = append(append(args, db), tc.args...)
			}
			r := hello(t, dir, tc.stdin, args...)
			wantFailure(t, r, 1, tc.msg)
			if r.stdout != tc.out {
				t.Errorf("stdout %q, want %q", r.stdout, tc.out)
			}
			if got := mustQuery(t, false, db, "PRAGMA integrity_check; SELECT group_concat(x) FROM t"); got != "ok\n1,2,3" {
				t.Errorf("the database afterwards: %q", got)
			}
			t.Logf("%s", strings.TrimSpace(r.stderr))
		})
	}
}

// A statement failing inside a transaction: what is stored afterwards
// matches the stock shell, and data committed before is never lost.
func TestBadInputFailingStatementInTransaction(t *testing.T) {
	tests := []struct {
		name   string
		bail   bool
		stdin  string
		sqlArg string
	}{
		{name: "script", stdin: "BEGIN;\nINSERT INTO t VALUES (10);\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (11);\nCOMMIT;\n"},
		{name: "script -bail", bail: true, stdin: "BEGIN;\nINSERT INTO t VALUES (10);\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (11);\nCOMMIT;\n"},
		{name: "script, error ends the transaction", stdin: "BEGIN;\nINSERT INTO t VALUES (10);\nINSERT OR ROLLBACK INTO t VALUES (1);\nINSERT INTO t VALUES (11);\nCOMMIT;\n"},
		{name: "script, syntax error", stdin: "BEGIN;\nINSERT INTO t VALUES (10);\nINSERT INTO t VALUES (;\nCOMMIT;\n"},
		{name: "script ends inside the transaction", stdin: "BEGIN;\nINSERT INTO t VALUES (10);\nINSERT INTO t VALUES (1);\n"},
		{name: "SQL argument", sqlArg: "BEGIN; INSERT INTO t VALUES (10); INSERT INTO t VALUES (1); INSERT INTO t VALUES (11); COMMIT;"},
		{name: "SQL argument -bail", bail: true, sqlArg: "BEGIN; INSERT INTO t VALUES (10); INSERT INTO t VALUES (1); COMMIT;"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stockSQLite3(t)
			dir := t.TempDir()
			var stored [2]string
			var codes [2]int
			for i, useStock := range []bool{false, true} {
				db := filepath.Join(dir, map[bool]string{false: "ours.db", true: "stock.db"}[useStock])
				makeDB(t, db)
				var args []string
				if tc.bail {
					args = append(args, "-bail")
				}
				args = append(args, db)
				if tc.sqlArg != "" {
					args = append(args, tc.sqlArg)
				}
				var r result
				if useStock {
					r = stock(t, dir, tc.stdin, args...)
				} else {
					r = hello(t, dir, tc.stdin, args...)
					assertCleanStderr(t, r.stderr)
					if r.stderr == "" {
						t.Errorf("no error message")
					}
				}
				codes[i] = r.code
				stored[i] = mustQuery(t, false, db, "PRAGMA integrity_check; SELECT group_concat(x) FROM (SELECT x FROM t ORDER BY x)")
			}
			if !strings.HasPrefix(stored[0], "ok\n1,2,3") {
				t.Errorf("committed rows lost: %q", stored[0])
			}
			if stored[0] != stored[1] || codes[0] != codes[1] {
				t.Errorf("ours: status %d, stored %q; stock: status %d, stored %q", codes[0], stored[0], codes[1], stored[1])
			}
			t.Logf("status %d, stored %q", codes[0], strings.TrimPrefix(stored[0], "ok\n"))
		})
	}
}
