//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/hello-sqlite/hello-sqlite/internal/ptytest"
)

// Ctrl-C on a real terminal: the shell runs on the slave side of a
// pseudo-terminal as the session leader, so the terminal's line discipline
// turns a typed ^C into SIGINT for it, as when a person types it. Ctrl-C
// must stop the running statement within a second and leave the shell at
// its prompt with the session (and data) intact; Ctrl-D leaves.

// openPTY opens a pseudo-terminal (internal/ptytest) and returns the
// test's side, whose waits take up to limit, and the slave; both are
// closed when the test ends.
func openPTY(t *testing.T, limit time.Duration) (*ptytest.Term, *os.File) {
	t.Helper()
	master, slave, err := ptytest.Open()
	need(t, err == nil, "/dev/ptmx (pseudo-terminals)")
	t.Cleanup(func() { master.Close(); slave.Close() })
	return ptytest.NewTerm(master, limit), slave
}

func TestTerminalCtrlC(t *testing.T) {
	p, slave := openPTY(t, readyDeadline)
	db := t.TempDir() + "/tty.db"
	cmd := exec.Command(bin, db)
	// TERM=dumb: the terminal's own line discipline edits, as without the
	// line editor (whose Ctrl-C and Ctrl-D lineedit_test.go checks).
	cmd.Env = append(os.Environ(), "TERM=dumb")
	pr := ptytest.Start(t, cmd, slave)
	slave.Close()

	const prompt = "sqlite> "
	p.WaitFor(t, prompt, 1)
	p.Send(t, "CREATE TABLE t(x); INSERT INTO t VALUES (7);\n")
	p.WaitFor(t, prompt, 2)

	limit := latencyLimit(t)
	p.Send(t, forever+" SELECT count(*) FROM c;\n")
	waitCPU(t, pr.Cmd.Process.Pid, 200*time.Millisecond) // the query runs
	if strings.Count(p.Text(), prompt) != 2 {
		t.Fatalf("the endless query ended by itself:\n%s", p.Text())
	}
	sent := time.Now()
	p.Send(t, "\x03") // Ctrl-C
	p.WaitFor(t, prompt, 3)
	latency := time.Since(sent)
	t.Logf("Ctrl-C to the next prompt: %d ms", latency.Milliseconds())
	if latency > limit {
		t.Errorf("Ctrl-C took %v to stop the statement, want within %v", latency.Round(time.Millisecond), limit)
	}
	after := p.Text()[strings.LastIndex(p.Text(), "count(*) FROM c;"):]
	if !strings.Contains(strings.ToLower(after), "interrupt") {
		t.Errorf("no message saying the statement was interrupted:\n%s", after)
	}
	if strings.Contains(after, "goroutine ") || strings.Contains(after, "panic:") {
		t.Fatalf("a Go crash on the terminal:\n%s", after)
	}

	// The session goes on: same connection, same data.
	p.Send(t, "SELECT x*6 FROM t;\n")
	p.WaitFor(t, "│  42 │\r\n", 1) // on a terminal the default mode is qbox (terminal_mode_test.go)
	p.WaitFor(t, prompt, 4)

	// Ctrl-C at the prompt drops the half-typed statement, not the shell.
	p.Send(t, "SELECT 'half\x03")
	p.WaitFor(t, prompt, 5)
	p.Send(t, "SELECT x+1 FROM t;\n")
	p.WaitFor(t, "│   8 │\r\n", 1)
	p.WaitFor(t, prompt, 6)

	p.Send(t, "\x04") // Ctrl-D
	exited, err := pr.Wait(readyDeadline)
	if !exited {
		t.Fatalf("Ctrl-D did not end the shell:\n%s", p.Text())
	}
	code := exitStatus(t, err)
	t.Logf("exit status after Ctrl-D: %d", code)
	if code != 0 && code != 1 {
		t.Errorf("exit status %d after Ctrl-D", code)
	}
	if got := mustQuery(t, false, db, "SELECT x FROM t"); got != "7" {
		t.Errorf("table afterwards: %q, want 7", got)
	}
}
