//go:build e2e

package e2e

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// Signals: SIGINT and SIGTERM stop the running statement within a second,
// the shell exits 130 or 143 with a message (not a Go trace), and the
// database is sound with all earlier committed data - also when the shell is
// PID 1, as in a container, where the kernel drops signals that have no
// handler.

// forever counts to 10^10: it runs far longer than any test.
const forever = `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 10000000000)`

// signalMaxLatency is the most the spec allows between signal and exit.
const signalMaxLatency = time.Second

func TestSignals(t *testing.T) {
	tests := []struct {
		name  string
		sig   syscall.Signal
		pid1  bool
		args  []string // after the database
		stdin string   // fed through a pipe that stays open
		rows  int      // rows in t afterwards (100 from the setup)
		busy  bool     // another process holds the database's write lock
		// blocked: stdout is a pipe nobody reads (a stalled consumer, a
		// paused terminal): the shell is stuck writing, not in SQLite.
		blocked bool
	}{
		{name: "SQL argument", sig: syscall.SIGINT, args: []string{"SELECT count(*) FROM (" + forever + " SELECT x FROM c)"}, rows: 100},
		{name: "SQL argument", sig: syscall.SIGTERM, args: []string{"SELECT count(*) FROM (" + forever + " SELECT x FROM c)"}, rows: 100},
		{name: "cross join", sig: syscall.SIGTERM, args: []string{"SELECT count(*) FROM t a, t b, t c, t d, t e, t f"}, rows: 100},
		{name: "script after a commit", sig: syscall.SIGINT, stdin: "INSERT INTO t SELECT -x FROM t LIMIT 5;\n" + forever + " SELECT count(*) FROM c;\n", rows: 105},
		{name: "script after a commit", sig: syscall.SIGTERM, stdin: "INSERT INTO t SELECT -x FROM t LIMIT 5;\n" + forever + " SELECT count(*) FROM c;\n", rows: 105},
		{name: "inside a write transaction", sig: syscall.SIGINT, stdin: "INSERT INTO t SELECT -x FROM t LIMIT 5;\nBEGIN;\nINSERT INTO t " + forever + " SELECT x FROM c;\n", rows: 105},
		{name: "inside a write transaction", sig: syscall.SIGTERM, stdin: "INSERT INTO t SELECT -x FROM t LIMIT 5;\nBEGIN;\nINSERT INTO t " + forever + " SELECT x FROM c;\n", rows: 105},
		{name: "waiting for input", sig: syscall.SIGTERM, stdin: "INSERT INTO t SELECT -x FROM t LIMIT 5;\n", rows: 105},
		{name: "waiting for a lock", sig: syscall.SIGTERM, args: []string{"INSERT INTO t VALUES (1)"}, rows: 100, busy: true},
		{name: "waiting for a lock", sig: syscall.SIGINT, args: []string{"INSERT INTO t VALUES (1)"}, rows: 100, busy: true},
		{name: "output blocked", sig: syscall.SIGTERM, args: []string{forever + " SELECT x FROM c"}, rows: 100, blocked: true},
		{name: "output blocked", sig: syscall.SIGINT, args: []string{forever + " SELECT x FROM c"}, rows: 100, blocked: true},
		// PID 1 of a new pid namespace, as in a container.
		{name: "SQL argument", sig: syscall.SIGTERM, pid1: true, args: []string{"SELECT count(*) FROM (" + forever + " SELECT x FROM c)"}, rows: 100},
		{name: "SQL argument", sig: syscall.SIGINT, pid1: true, args: []string{"SELECT count(*) FROM (" + forever + " SELECT x FROM c)"}, rows: 100},
		{name: "inside a write transaction", sig: syscall.SIGTERM, pid1: true, stdin: "INSERT INTO t SELECT -x FROM t LIMIT 5;\nBEGIN;\nINSERT INTO t " + forever + " SELECT x FROM c;\n", rows: 105},
		{name: "waiting for input", sig: syscall.SIGTERM, pid1: true, stdin: "", rows: 100},
		{name: "output blocked", sig: syscall.SIGTERM, pid1: true, args: []string{forever + " SELECT x FROM c"}, rows: 100, blocked: true},
	}
	var figures []string
	for _, tc := range tests {
		name := tc.name + "/" + map[syscall.Signal]string{syscall.SIGINT: "SIGINT", syscall.SIGTERM: "SIGTERM"}[tc.sig]
		if tc.pid1 {
			name += "/PID1"
		}
		t.Run(name, func(t *testing.T) {
			if tc.pid1 {
				needRoot(t)
			}
			db := filepath.Join(t.TempDir(), "sig.db")
			setup := hello(t, "", "", db, "CREATE TABLE t(x)", "INSERT INTO t SELECT x FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 100) SELECT x FROM c)")
			if setup.code != 0 {
				t.Fatalf("setup: %d %s", setup.code, setup.stderr)
			}
			if tc.busy {
				release := holdWriteLock(t, db)
				defer release()
			}
			limit := latencyLimit(t)

			cmd := exec.Command(bin, append([]string{db}, tc.args...)...)
			if tc.pid1 {
				cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWPID}
			}
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			var pipe *os.File // tc.blocked: the read end, never read before the shell ends
			if tc.blocked {
				r, w, err := os.Pipe()
				if err != nil {
					t.Fatal(err)
				}
				defer r.Close()
				defer w.Close()
				cmd.Stdout, pipe = w, r
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if _, err := io.WriteString(stdin, tc.stdin); err != nil {
				t.Fatal(err)
			}
			if tc.pid1 && nsPID(t, cmd.Process.Pid) != 1 {
				t.Fatalf("the shell is not PID 1 in its namespace")
			}
			waitSignalReady(t, cmd.Process.Pid, db, tc.rows, tc.busy, tc.name == "waiting for input", pipe)
			code, latency := signalAndWait(t, cmd, tc.sig, &stderr)
			figures = append(figures, fmt.Sprintf("%s: %d ms", name, latency.Milliseconds()))
			t.Logf("exit %d, %d ms after %v; stderr %q", code, latency.Milliseconds(), tc.sig, stderr.String())

			if want := 128 + int(tc.sig); code != want {
				t.Errorf("exit status %d, want %d", code, want)
			}
			if latency > limit {
				t.Errorf("exit %v after %v, want within %v", latency.Round(time.Millisecond), tc.sig, limit)
			}
			assertCleanStderr(t, stderr.String())
			wantMsg := map[syscall.Signal]string{syscall.SIGINT: "interrupt", syscall.SIGTERM: "terminated"}[tc.sig]
			if !strings.Contains(strings.ToLower(stderr.String()), wantMsg) {
				t.Errorf("stderr %q does not say %q", stderr.String(), wantMsg)
			}
			if tc.busy {
				return // the lock holder's transaction is still open: checked by its release
			}
			checkSound(t, db, tc.rows)
		})
	}
	t.Logf("signal to exit:\n%s", strings.Join(figures, "\n"))
}

// waitSignalReady waits until the shell (process pid) is in the state a
// case signals it in, instead of sleeping and hoping it got there:
//   - output blocked: the pipe is full, so the shell is stuck writing;
//   - waiting for a lock: it has the database open (its statement is next,
//     and the busy timeout keeps it waiting);
//   - waiting for input (nothing runs on): it has the database open and t
//     holds the rows of its script;
//   - otherwise it runs an endless statement: it has done 200 ms of work.
func waitSignalReady(t *testing.T, pid int, db string, rows int, busy, idle bool, pipe *os.File) {
	t.Helper()
	switch {
	case pipe != nil:
		size, err := unix.FcntlInt(pipe.Fd(), unix.F_GETPIPE_SZ, 0)
		if err != nil {
			t.Fatal(err)
		}
		waitUntil(t, "the output pipe is full", func() bool {
			n, err := unix.IoctlGetInt(int(pipe.Fd()), unix.TIOCINQ) // FIONREAD
			return err == nil && n >= size
		})
	case busy:
		waitUntil(t, "the shell has the database open", func() bool { return hasOpen(pid, db) })
	case idle:
		waitUntil(t, fmt.Sprintf("the shell has the database open and t holds %d rows", rows), func() bool {
			return hasOpen(pid, db) && mustQuery(t, true, db, "SELECT count(*) FROM t") == strconv.Itoa(rows)
		})
	default:
		waitCPU(t, pid, 200*time.Millisecond)
	}
}

// checkSound checks db with both shells: integrity ok, rows rows in t.
func checkSound(t *testing.T, db string, rows int) {
	t.Helper()
	want := "ok\n" + strconv.Itoa(rows)
	for _, useStock := range []bool{false, true} {
		if got := mustQuery(t, useStock, db, "PRAGMA integrity_check; SELECT count(*) FROM t;"); got != want {
			t.Errorf("afterwards (stock=%v): %q, want %q", useStock, got, want)
		}
	}
}

// holdWriteLock makes the stock shell hold db's write lock (BEGIN
// EXCLUSIVE) until release is called.
func holdWriteLock(t *testing.T, db string) (release func()) {
	t.Helper()
	cmd := exec.Command(stockSQLite3(t), db)
	in, stderr := startFed(t, cmd)
	io.WriteString(in, ".timeout 5000\nBEGIN EXCLUSIVE; INSERT INTO t VALUES (0);\n")
	// Wait until the lock is held: a second writer gets "locked" at once.
	deadline := time.Now().Add(5 * time.Second)
	for {
		r := stock(t, "", "", db, "BEGIN IMMEDIATE") // rolled back at exit
		if strings.Contains(r.stderr, "locked") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the stock shell did not take the lock: %q / %q", r.stderr, stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	return func() {
		in.Close() // end of input: the stock shell rolls back and exits
		if err := cmd.Wait(); err != nil {
			t.Errorf("lock holder: %v %s", err, stderr.String())
		}
		checkSound(t, db, 100)
	}
}

// nsPID returns the pid of process pid inside its own pid namespace (the
// last field of NSpid in /proc/PID/status).
func nsPID(t *testing.T, pid int) int {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "NSpid:" {
			n, _ := strconv.Atoi(f[len(f)-1])
			return n
		}
	}
	t.Fatal("no NSpid in /proc/PID/status")
	return 0
}

// SIGQUIT (Ctrl-\ on a terminal, docker kill -s QUIT) makes a Go program
// print every goroutine's stack, a Go trace the spec forbids; the stock
// shell just dies. The shell must end within a second without one.
func TestSignalQuit(t *testing.T) {
	cmd := exec.Command(bin, ":memory:", "SELECT count(*) FROM ("+forever+" SELECT x FROM c)")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitCPU(t, cmd.Process.Pid, 100*time.Millisecond) // the query runs
	code, took := signalAndWait(t, cmd, syscall.SIGQUIT, &stderr)
	t.Logf("SIGQUIT: status %d after %d ms, stderr %d bytes", code, took.Milliseconds(), stderr.Len())
	if code == 0 {
		t.Errorf("status 0 after SIGQUIT")
	}
	if limit := latencyLimit(t); took > limit {
		t.Errorf("SIGQUIT took %v, want within %v", took, limit)
	}
	assertCleanStderr(t, stderr.String())
}
