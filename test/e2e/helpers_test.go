//go:build e2e

package e2e

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Helpers shared by the robustness tests (empty root, crashes, signals,
// concurrent writers, bad input): running the binary, reading its result,
// and checking that what it printed on stderr is a message, not a crash.

// nobodyID is the uid and gid the image runs as (65534, "nobody").
const nobodyID = 65534

// result is what one run of a program left behind.
type result struct {
	stdout, stderr string
	code           int           // exit status; 128+N when killed by signal N
	took           time.Duration // from start to exit
}

// runCmd runs cmd with stdin and returns its result. A failure to start it
// fails the test; a non-zero exit does not.
func runCmd(t testing.TB, cmd *exec.Cmd, stdin string) result {
	t.Helper()
	var out, errb bytes.Buffer
	if cmd.Stdin == nil {
		cmd.Stdin = strings.NewReader(stdin)
	}
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), took: time.Since(start)}
	r.code = exitStatus(t, err)
	return r
}

// exitStatus turns the error of Wait/Run into an exit status.
// startFed starts cmd with a pipe to its stdin (the caller writes and
// closes it) and its stderr collected.
func startFed(t testing.TB, cmd *exec.Cmd) (io.WriteCloser, *strings.Builder) {
	t.Helper()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := new(strings.Builder)
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return stdin, stderr
}

func exitStatus(t testing.TB, err error) int {
	t.Helper()
	if err == nil {
		return 0
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("running the program: %v", err)
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return ee.ExitCode()
}

// hello runs our binary with args in dir (any dir when ""), stdin as input.
func hello(t testing.TB, dir, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	return runCmd(t, cmd, stdin)
}

// stock runs the stock sqlite3 shell with args in dir.
func stock(t testing.TB, dir, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(stockSQLite3(t), args...)
	cmd.Dir = dir
	return runCmd(t, cmd, stdin)
}

// mustQuery runs sql on db with our binary (stock=false) or the stock shell
// and returns its output without the last newline; any error fails the test.
func mustQuery(t testing.TB, useStock bool, db, sql string) string {
	t.Helper()
	var r result
	if useStock {
		r = stock(t, "", "", db, sql)
	} else {
		r = hello(t, "", "", db, sql)
		assertCleanStderr(t, r.stderr)
	}
	if r.code != 0 || r.stderr != "" {
		who := map[bool]string{true: "stock sqlite3", false: "hello-sqlite"}[useStock]
		t.Fatalf("%s %s %q: status %d, stderr %q", who, db, sql, r.code, r.stderr)
	}
	return strings.TrimSuffix(r.stdout, "\n")
}

// stockMessage matches the first line of a message in one of the stock
// shell's forms: "Error: ...", "Error near line 3: ...", "Parse error ...",
// "Usage: ...", a command-line error ("hello-sqlite: Error: ..."), the
// pointer form of dot-command errors ("line 2: ...", "argv[2]: ...",
// "x.sql:3: ...") and .import's warnings ("data.csv:4: "); and our one
// notice of our own, the hint about a stdin that is /dev/null.
var stockMessage = regexp.MustCompile(`^(Error[ :]|Parse error[ :]|Usage: |hello-sqlite: Error: |line \d+: |argv\[\d+\]: |[^ ]+:\d+: |hello-sqlite: reading SQL from standard input)`)

// assertCleanStderr fails the test when stderr shows a Go crash, or does
// not start as the stock shell's messages do (later lines may continue a
// message that quotes input holding newlines, or show the caret under a
// parse error).
func assertCleanStderr(t testing.TB, stderr string) {
	t.Helper()
	for _, bad := range []string{"goroutine ", "panic:", "runtime error", "SIGSEGV", "fatal error:"} {
		if strings.Contains(stderr, bad) {
			t.Fatalf("stderr holds %q (a Go crash?):\n%s", bad, stderr[:min(len(stderr), 600)])
		}
	}
	if stderr != "" && !stockMessage.MatchString(stderr) {
		t.Fatalf("stderr does not start as the stock shell's messages do:\n%s", stderr[:min(len(stderr), 600)])
	}
}

// publicDir makes a fresh folder that uid 65534 can enter (t.TempDir's are
// 0700), removed after the test.
func publicDir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "hello-sqlite-s4-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// copyBinary puts a copy of the binary at path, mode 0755 (the one TestMain
// builds sits in a 0700 folder that uid 65534 cannot reach).
//
// The write happens under syscall.ForkLock, which os/exec holds (read) while
// it forks: a process forked by a parallel test while the new file is open
// for writing would hold that descriptor until its exec, and exec'ing the
// new file meanwhile fails with "text file busy" (golang/go#22315).
func copyBinary(t testing.TB, path string) {
	t.Helper()
	syscall.ForkLock.Lock()
	defer syscall.ForkLock.Unlock()
	src, err := os.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

// needRoot skips (fails in CI) a test that needs root: chroot, other uids,
// namespaces.
func needRoot(t testing.TB) {
	t.Helper()
	need(t, os.Geteuid() == 0, "root (chroot, uid 65534, namespaces)")
}

// asNobody returns process attributes that run a program as uid/gid 65534.
func asNobody() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobodyID, Gid: nobodyID, Groups: []uint32{}}}
}

// chownNobody gives path to uid/gid 65534.
func chownNobody(t testing.TB, path string) {
	t.Helper()
	if err := os.Chown(path, nobodyID, nobodyID); err != nil {
		t.Fatal(err)
	}
}

// openFDs lists what the process pid has open: the targets of
// /proc/PID/fd/* (a deleted file reads "PATH (deleted)").
func openFDs(pid int) []string {
	dir := filepath.Join("/proc", strconv.Itoa(pid), "fd")
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		if target, err := os.Readlink(filepath.Join(dir, e.Name())); err == nil {
			out = append(out, target)
		}
	}
	return out
}

// signalAndWait sends sig to cmd's process and waits for it to end: its exit
// status and how long after the signal it ended. A process still running
// readyDeadline later is killed and fails the test (a hang guard: the
// latency itself is checked by the caller).
func signalAndWait(t testing.TB, cmd *exec.Cmd, sig syscall.Signal, stderr *strings.Builder) (code int, took time.Duration) {
	t.Helper()
	sent := time.Now()
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		return exitStatus(t, err), time.Since(sent)
	case <-time.After(readyDeadline):
		cmd.Process.Kill()
		<-exited
		t.Fatalf("still running %v after %v; stderr %q", readyDeadline, sig, stderr.String())
		return 0, 0
	}
}
