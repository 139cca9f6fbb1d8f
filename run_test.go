package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
)

// runResult is what one run of the program produced.
type runResult struct {
	stdout, stderr string
	status         int
}

// runIt calls run() as main does, in dir (the test's temp dir) as cwd.
func runIt(t *testing.T, ctx context.Context, stdin string, args ...string) runResult {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(ctx, args, strings.NewReader(stdin), &out, &errb)
	status := exitCode(err, &errb)
	return runResult{out.String(), errb.String(), status}
}

// TestRun covers the shell's core: arguments, scripts on stdin, errors and
// exit statuses.
func TestRun(t *testing.T) {
	cases := []struct {
		name       string
		args       []string
		stdin      string
		wantOut    string
		wantErr    string // a substring of stderr ("" = stderr must be empty)
		wantStatus int
	}{
		{name: "demo", wantOut: "55\n"},
		{name: "no arguments and a script: the shell", stdin: "select 6*7;\n.databases\n", wantOut: "42\nmain: \"\" r/w\n"},
		{name: "no arguments and a failing script", stdin: "\n.open xyz.db\nSELECT ;\n",
			wantErr: "Parse error near line 3: near \";\": syntax error\n  SELECT ;\n         ^--- error here\n", wantStatus: 1},
		{name: "hexdb from the script", args: []string{":memory:"}, stdin: ".open --hexdb\n| size 512 pagesize 512 x\n" +
			"| page 1 offset 0\n|  0: 53 51 4c 69 74 65 20 66 6f 72 6d 61 74 20 33 00\n" +
			"|  16: 02 00 01 01 00 40 20 20 00 00 00 01 00 00 00 01\n" +
			"|  96: 00 2e 8d f8 0d 00 00 00 00 02 00 00 00 00 00 00\n| end x\nselect count(*) from sqlite_schema;\n", wantOut: "0\n"},
		{name: "hexdb without end", args: []string{":memory:"}, stdin: "select 1;\n.open --hexdb\n| size 512 pagesize 500\nselect 2;\n",
			wantOut: "1\n", wantErr: "invalid pagesize\nError on line 4 of --hexdb input\n"},
		{name: "hexdb over the memory limit", args: []string{"-memory", "1", ":memory:"}, stdin: ".open --hexdb\n| size 2000000 pagesize 4096\n| end x\nselect 3;\n",
			wantOut: "3\n", wantErr: "Error: out of memory (limit 1 MB", wantStatus: 1},
		{name: "hexdb beyond SQLite's largest allocation", args: []string{":memory:"}, stdin: ".open --hexdb\n| size 2147483647 pagesize 4096\nselect 3;\n",
			wantErr: "Error: out of memory\n", wantStatus: 1},
		{name: "sql args in order", args: []string{":memory:", "select 1; select 2", "select 3"}, wantOut: "1\n2\n3\n"},
		{name: "no filename means memory", args: []string{"-bail"}, stdin: "select 7;", wantOut: "7\n"},
		{name: "stdin not read with sql args", args: []string{":memory:", "select 1"}, stdin: "select 2;", wantOut: "1\n"},
		{name: "parse error stops the argument and the rest",
			args: []string{":memory:", "select 1; selec 2; select 3", "select 4"}, wantOut: "1\n",
			wantErr: `Parse error in 2nd command line argument: near "selec": syntax error`, wantStatus: 1},
		{name: "runtime error: the argument goes on, the next does not",
			args:    []string{":memory:", "select 1; select abs(-9223372036854775808); select 3", "select 4"},
			wantOut: "1\n3\n", wantErr: "Error in 2nd command line argument: integer overflow", wantStatus: 1},
		{name: "dot-command argument", args: []string{":memory:", ".headers on", "select 1 as a"}, wantOut: "a\n1\n"},
		{name: "quit argument", args: []string{":memory:", "select 1", ".quit", "select 2"}, wantOut: "1\n"},
		{name: "script goes on after errors", args: []string{":memory:"},
			stdin:   "select 1;\nselec 2;\nselect 3;\nselect * from nope;\nselect 4\n",
			wantOut: "1\n3\n4\n", wantErr: "Parse error near line 4: no such table: nope", wantStatus: 1},
		{name: "bail stops the script", args: []string{"-bail", ":memory:"},
			stdin: "select 1;\nselec 2;\nselect 3;\n", wantOut: "1\n", wantErr: "near line 2", wantStatus: 1},
		{name: "double dash options", args: []string{"--bail", "--header", ":memory:", "select 1 as x"}, wantOut: "x\n1\n"},
		{name: "options after the filename", args: []string{":memory:", "select 1 as x", "-header"}, wantOut: "x\n1\n"},
		{name: "noheader after header", args: []string{"-header", "-noheader", ":memory:", "select 1 as x"}, wantOut: "1\n"},
		{name: "separator and nullvalue", args: []string{"-separator", ";", "-nullvalue", "NULL", ":memory:", "select 1, null"}, wantOut: "1;NULL\n"},
		{name: "separator is taken literally", args: []string{"-separator", `\t`, ":memory:", "select 1, 2"}, wantOut: "1\\t2\n"},
		{name: "newline", args: []string{"-newline", "X", ":memory:", "select 1; select 2"}, wantOut: "1X2X"},
		{name: "cmd runs first", args: []string{"-cmd", "select 0", ":memory:"}, stdin: "select 1;", wantOut: "0\n1\n"},
		{name: "failing cmd without bail keeps status 0", args: []string{"-cmd", "selec", ":memory:", "select 5"},
			wantOut: "5\n", wantErr: "Parse error in 2nd command line argument"},
		{name: "failing cmd with bail", args: []string{"-bail", "-cmd", "selec", ":memory:", "select 5"},
			wantErr: "Parse error in 3rd command line argument", wantStatus: 1},
		{name: "dash dash ends options", args: []string{"--", ":memory:", "select 1"}, wantOut: "1\n"},
		{name: "echo", args: []string{"-echo", ":memory:"}, stdin: "select 1;\n-- c\nselect\n 2;\n",
			wantOut: "select 1;\n1\n-- c\nselect\n 2;\n2\n"},
		{name: "go and slash end statements", args: []string{":memory:"}, stdin: "select 1\ngo\nselect 2\n  /  \n", wantOut: "1\n2\n"},
		{name: "a lone go or slash is an empty statement", args: []string{"-echo", ":memory:"}, stdin: "select 1;\n/\ngo\nselect 2\n/\n",
			wantOut: "select 1;\n1\n;\n;\nselect 2\n;\n2\n"},
		{name: "hash lines are comments", args: []string{":memory:"}, stdin: "# hi\nselect 1;\n", wantOut: "1\n"},
		{name: "last statement without semicolon", args: []string{":memory:"}, stdin: "select 1;\nselect\n2", wantOut: "1\n2\n"},
		{name: "incomplete last statement", args: []string{":memory:"}, stdin: "select 'abc", wantErr: "unrecognized token", wantStatus: 1},
		{name: "trigger body holds semicolons", args: []string{":memory:"},
			stdin:   "create table t(x); create table log(y);\ncreate trigger tr after insert on t begin\n insert into log values(new.x);\n insert into log values(new.x*10);\nend;\ninsert into t values(2);\nselect y from log;\n",
			wantOut: "2\n20\n"},
		{name: "NUL ends the SQL", args: []string{":memory:"}, stdin: "select 1;\x00select 2;\nselect 3;\n", wantOut: "1\n3\n"},
		{name: "unknown option", args: []string{"-bogus", ":memory:"}, wantErr: "hello-sqlite: Error: unknown option: -bogus\nUse -help for a list of options.\n", wantStatus: 1},
		{name: "missing option value", args: []string{":memory:", "-separator"}, wantErr: "hello-sqlite: Error: missing argument to -separator\n", wantStatus: 1},
		{name: "bad memory option", args: []string{"-memory", "0", ":memory:"}, wantErr: "-memory: invalid memory limit", wantStatus: 2},
		{name: "help", args: []string{"-help"}, wantErr: "Usage: hello-sqlite [OPTIONS] [FILENAME [SQL...]]\n"}, // on stderr, status 0, as stock
		{name: "version", args: []string{"--version"}, wantOut: "3.54.1 20"},
		{name: "blob over the limits", args: []string{":memory:", "select zeroblob(2000000000)"},
			wantErr: "string or blob too big", wantStatus: 1},
		{name: "out of memory is an error", args: []string{"-memory", "16", ":memory:", "select length(randomblob(40000000))"},
			wantErr: "out of memory (limit 16 MB; raise it with -memory MB or HELLO_SQLITE_MEMORY=MB", wantStatus: 1},
		{name: "more memory", args: []string{"-memory", "128", ":memory:", "select length(randomblob(40000000))"}, wantOut: "40000000\n"},
		{name: "garbage on stdin", args: []string{":memory:"}, stdin: "\xff\xfe\x00\x01garbage ;;; ' \n\x7f",
			wantErr: "Parse error near line 1", wantStatus: 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			r := runIt(t, context.Background(), c.stdin, c.args...)
			if c.name == "version" {
				if !strings.HasPrefix(r.stdout, c.wantOut) {
					t.Errorf("stdout = %q, want it to start with %q", r.stdout, c.wantOut)
				}
			} else if r.stdout != c.wantOut {
				t.Errorf("stdout = %q, want %q", r.stdout, c.wantOut)
			}
			if c.wantErr == "" && r.stderr != "" || !strings.Contains(r.stderr, c.wantErr) {
				t.Errorf("stderr = %q, want %q in it", r.stderr, c.wantErr)
			}
			if r.status != c.wantStatus {
				t.Errorf("status = %d, want %d (stderr %q)", r.status, c.wantStatus, r.stderr)
			}
			if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "internal error") {
				t.Errorf("a panic reached the user: %s", r.stderr)
			}
		})
	}
}

// TestVersionMentionsUs checks -version's second line.
func TestVersionMentionsUs(t *testing.T) {
	r := runIt(t, context.Background(), "", "-version")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[0], "(64-bit)") || lines[1] != "hello-sqlite "+version {
		t.Fatalf("-version printed %q", r.stdout)
	}
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestBadInput is item 4 of the issue: a clear error and nothing lost.
func TestBadInput(t *testing.T) {
	t.Run("not a database stays untouched", func(t *testing.T) {
		t.Chdir(t.TempDir())
		text := bytes.Repeat([]byte("this is not a database\n"), 500)
		os.WriteFile("notes.txt", text, 0o644)
		before := fileHash(t, "notes.txt")
		for _, args := range [][]string{{"notes.txt", "select 1"}, {"notes.txt", "create table t(x)"}, {"notes.txt"}} {
			r := runIt(t, context.Background(), "create table t(x);", args...)
			if r.status != 1 || r.stderr != "Error: notes.txt: file is not a database\n" {
				t.Errorf("%q: status %d, stderr %q", args, r.status, r.stderr)
			}
		}
		if fileHash(t, "notes.txt") != before {
			t.Fatal("notes.txt changed")
		}
		if m, _ := filepath.Glob("notes.txt-*"); len(m) != 0 {
			t.Fatalf("left files behind: %v", m)
		}
	})
	t.Run("missing folder", func(t *testing.T) {
		t.Chdir(t.TempDir())
		r := runIt(t, context.Background(), "", "no/such/dir/x.db", "create table t(x)")
		if r.status != 1 || !strings.Contains(r.stderr, `unable to open database "no/such/dir/x.db"`) ||
			!strings.Contains(r.stderr, "folder no/such/dir does not exist") {
			t.Fatalf("status %d, stderr %q", r.status, r.stderr)
		}
		if _, err := os.Stat("no"); err == nil {
			t.Fatal("created a folder")
		}
	})
	t.Run("read-only file", func(t *testing.T) {
		t.Chdir(t.TempDir())
		if r := runIt(t, context.Background(), "", "ro.db", "create table t(x); insert into t values(1)"); r.status != 0 {
			t.Fatal(r.stderr)
		}
		os.Chmod("ro.db", 0o444)
		before := fileHash(t, "ro.db")
		variants := [][]string{{"-readonly", "ro.db"}}
		if os.Geteuid() != 0 { // root may write a 0444 file: only -readonly then (CI); the Nix sandbox runs both
			variants = append(variants, []string{"ro.db"})
		}
		for _, v := range variants {
			r := runIt(t, context.Background(), "", append(v, "insert into t values(2)")...)
			if r.status != 1 || !strings.Contains(r.stderr, "attempt to write a readonly database") {
				t.Errorf("%q: status %d, stderr %q", v, r.status, r.stderr)
			}
			r = runIt(t, context.Background(), "", append(v, "select count(*) from t")...)
			if r.status != 0 || r.stdout != "1\n" {
				t.Errorf("%q: reading gave %d %q %q", v, r.status, r.stdout, r.stderr)
			}
		}
		if fileHash(t, "ro.db") != before {
			t.Fatal("ro.db changed")
		}
	})
	t.Run("failing statement inside a transaction", func(t *testing.T) {
		t.Chdir(t.TempDir())
		script := "create table t(x primary key);\nbegin;\ninsert into t values(1);\ninsert into t values(1);\ninsert into nope values(2);\ninsert into t values(3);\ncommit;\n"
		r := runIt(t, context.Background(), script, "tx.db")
		if r.status != 1 || strings.Count(r.stderr, " near line ") != 2 {
			t.Fatalf("status %d, stderr %q", r.status, r.stderr)
		}
		if r := runIt(t, context.Background(), "", "tx.db", "select group_concat(x) from t"); r.stdout != "1,3\n" {
			t.Fatalf("without -bail the other statements count: got %q", r.stdout)
		}
		r = runIt(t, context.Background(), "begin;\ninsert into t values(4);\ninsert into t values(4);\ninsert into t values(5);\ncommit;\n", "-bail", "tx.db")
		if r.status != 1 {
			t.Fatalf("status %d", r.status)
		}
		if r := runIt(t, context.Background(), "", "tx.db", "select group_concat(x) from t; pragma integrity_check"); r.stdout != "1,3\nok\n" {
			t.Fatalf("-bail must roll the transaction back: got %q", r.stdout)
		}
	})
}

// TestSignalInterruptsStatement cancels the run's context as a SIGTERM
// does, during a statement that never ends on its own. The statement is
// known to run (this process has used CPU for it) before the signal, and
// the time to stop is held to a trivial run's time measured here, so a
// busy machine does not fail it.
func TestSignalInterruptsStatement(t *testing.T) {
	t.Chdir(t.TempDir())
	runIt(t, context.Background(), "", "sig.db", "create table t(x); insert into t values(1)")
	limit := time.Second + 2*trivialRun(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		ctx, cancel := context.WithCancelCause(context.Background())
		sent := make(chan time.Time, 1)
		busy := cpuTime()
		go func() {
			waitCPU(t, busy, 200*time.Millisecond)
			sent <- time.Now()
			cancel(engine.InterruptError{Sig: sig})
		}()
		r := runIt(t, ctx, "", "sig.db",
			"begin; insert into t select value from generate_series(2, 1e12); commit;")
		took := time.Since(<-sent)
		if r.status != 128+int(sig) || !strings.HasPrefix(r.stderr, "Error: ") {
			t.Fatalf("%v: status %d, stderr %q", sig, r.status, r.stderr)
		}
		if took > limit {
			t.Errorf("%v: stopping took %v (limit %v)", sig, took, limit)
		}
		if r := runIt(t, context.Background(), "", "sig.db", "select count(*) from t; pragma integrity_check"); r.stdout != "1\nok\n" {
			t.Fatalf("after %v: %q %q", sig, r.stdout, r.stderr)
		}
	}
}

// cpuTime is the CPU time this process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// waitCPU polls until this process has used d of CPU since since: the
// statement under test is running, however busy the machine is. The
// deadline only guards against a hang.
func waitCPU(t *testing.T, since, d time.Duration) {
	for deadline := time.Now().Add(time.Minute); cpuTime()-since < d; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Error("the statement used no CPU for a minute")
			return
		}
	}
}

// trivialRun is the median wall time of three runs of "select 1": the
// machine's present speed, for limits on elapsed time.
func trivialRun(t *testing.T) time.Duration {
	var d [3]time.Duration
	for i := range d {
		start := time.Now()
		runIt(t, context.Background(), "", ":memory:", "select 1")
		d[i] = time.Since(start)
	}
	slices.Sort(d[:])
	return d[1]
}

// TestSignalWhileReading: a signal while waiting for stdin ends the run.
func TestSignalWhileReading(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	pr, pw, _ := os.Pipe()
	defer pw.Close()
	time.AfterFunc(200*time.Millisecond, func() { cancel(engine.InterruptError{Sig: syscall.SIGTERM}) })
	var out, errb bytes.Buffer
	err := run(ctx, []string{":memory:"}, pr, &out, &errb)
	if status := exitCode(err, &errb); status != 143 {
		t.Fatalf("status %d, stderr %q", status, errb.String())
	}
}

func TestReadOnlyURI(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, name := range []string{"a?b#c%d.db", "plain.db", "//" + strings.TrimPrefix(filepath.Join(t.TempDir(), "x.db"), "/")} {
		if r := runIt(t, context.Background(), "", name, "create table t(x); insert into t values(1)"); r.status != 0 {
			t.Fatalf("%s: %s", name, r.stderr)
		}
		r := runIt(t, context.Background(), "", "-readonly", name, "select x from t", "insert into t values(2)")
		if r.stdout != "1\n" || !strings.Contains(r.stderr, "readonly") {
			t.Errorf("%s: %q %q", name, r.stdout, r.stderr)
		}
	}
}

// FuzzScript feeds arbitrary input to the script runner: it may fail, it
// must not panic (run() turns panics into "internal error").
func FuzzScript(f *testing.F) {
	for _, s := range []string{"select 1;", "create table t(x);\ninsert into t values(1);\n.headers on\nselect * from t;",
		"'", "/*", "create trigger", "\x00", ".bogus", "select zeroblob(1e10);", "begin;\nrollback;\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, script string) {
		if strings.Contains(script, ".") { // dot-commands may write files (.output, .backup): not here
			script = strings.ReplaceAll(script, ".", ",")
		}
		var out, errb bytes.Buffer
		err := run(context.Background(), []string{"-memory", "64", ":memory:"}, strings.NewReader(script), &out, &errb)
		status := exitCode(err, &errb)
		if status != 0 && status != 1 || strings.Contains(errb.String(), "internal error") {
			t.Fatalf("status %d, stderr %q", status, errb.String())
		}
	})
}

// TestLongStatementIsLinear: a statement of 100,000 lines (as in a dump)
// must not be rescanned at every line. Four times the lines must cost
// about four times the CPU, not sixteen: the ratio is measured in one run,
// so a busy machine slows both sides alike.
func TestLongStatementIsLinear(t *testing.T) {
	script := func(n int) string {
		var b strings.Builder
		b.WriteString("create table t(x);\ninsert into t values\n")
		for i := 0; i < n; i++ {
			b.WriteString("('a line of text; with a semicolon'),\n")
		}
		b.WriteString("('last');\nselect count(*) from t;\n")
		return b.String()
	}
	cost := func(n int) time.Duration {
		in := script(n)
		best := time.Duration(1 << 62)
		for range 2 {
			start := cpuTime()
			r := runIt(t, context.Background(), in, ":memory:")
			if want := fmt.Sprintf("%d\n", n+1); r.stdout != want || r.status != 0 {
				t.Fatalf("%d lines: got %q %q", n, r.stdout, r.stderr)
			}
			best = min(best, cpuTime()-start)
		}
		return best
	}
	small, large := cost(25000), cost(100000)
	ratio := float64(large) / float64(small)
	t.Logf("CPU: %v for 25,000 lines, %v for 100,000 (%.1fx)", small, large, ratio)
	if ratio > 8 {
		t.Fatalf("25,000 lines took %v of CPU, 100,000 took %v: %.1fx for 4x the lines", small, large, ratio)
	}
}

// syncBuffer is a bytes.Buffer safe to read while run() writes it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestInteractiveCtrlC sends this process a real SIGINT while an
// interactive session (-interactive on a pipe) runs a statement that never
// ends: the statement stops, the session goes on.
func TestInteractiveCtrlC(t *testing.T) {
	ctx, stop := engine.SignalContext(context.Background())
	defer stop()
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	var out, errb syncBuffer
	done := make(chan int)
	go func() {
		err := run(ctx, []string{"-interactive", ":memory:"}, pr, &out, &errb)
		done <- exitCode(err, &errb)
	}()
	query := "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c;"
	limit := time.Second + 2*trivialRun(t)
	busy := cpuTime()
	pw.WriteString(query + "\n")
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(out.String(), query); {
		if time.Now().After(deadline) {
			t.Fatalf("the session did not start: %q %q", out.String(), errb.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	waitCPU(t, busy, 100*time.Millisecond) // the query runs (the line is echoed just before)
	sent := time.Now()
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	pw.WriteString("select 'after';\n")
	pw.Close()
	select {
	case status := <-done:
		if status != 1 || !strings.Contains(out.String(), "\nafter\n") || !strings.Contains(errb.String(), "Error: interrupted") {
			t.Fatalf("status %d\nstdout %q\nstderr %q", status, out.String(), errb.String())
		}
		if took := time.Since(sent); took > limit {
			t.Errorf("took %v (limit %v)", took, limit)
		}
	case <-time.After(time.Minute):
		t.Fatal("Ctrl-C did not interrupt the statement")
	}
}
