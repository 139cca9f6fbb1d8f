//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// Ctrl-C on a real terminal: the shell runs on the slave side of a
// pseudo-terminal as the session leader, so the terminal's line discipline
// turns a typed ^C into SIGINT for it, as when a person types it. Ctrl-C
// must stop the running statement within a second and leave the shell at
// its prompt with the session (and data) intact; Ctrl-D leaves.

// pty is the master side of a pseudo-terminal and what was read from it.
type pty struct {
	master *os.File
	mu     sync.Mutex
	out    strings.Builder
}

// openPTY opens a pseudo-terminal and returns its master and slave.
func openPTY(t *testing.T) (*pty, *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	need(t, err == nil, "/dev/ptmx (pseudo-terminals)")
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Fatalf("unlockpt: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Fatalf("ptsname: %v", e)
	}
	slave, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	p := &pty{master: master}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			p.mu.Lock()
			p.out.Write(buf[:n])
			p.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return p, slave
}

// text is everything the terminal showed so far.
func (p *pty) text() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// waitFor waits until the terminal has shown want count times.
func (p *pty) waitFor(t *testing.T, want string, count int) {
	t.Helper()
	deadline := time.Now().Add(readyDeadline)
	for strings.Count(p.text(), want) < count {
		if time.Now().After(deadline) {
			t.Fatalf("the terminal never showed %q %d times; it shows:\n%s", want, count, p.text())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (p *pty) typeText(t *testing.T, s string) {
	t.Helper()
	if _, err := p.master.WriteString(s); err != nil {
		t.Fatal(err)
	}
}

func TestTerminalCtrlC(t *testing.T) {
	p, slave := openPTY(t)
	defer p.master.Close()
	db := t.TempDir() + "/tty.db"
	cmd := exec.Command(bin, db)
	// TERM=dumb: the terminal's own line discipline edits, as without the
	// line editor (whose Ctrl-C and Ctrl-D lineedit_test.go checks).
	cmd.Env = append(os.Environ(), "TERM=dumb")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	finished := false
	defer func() {
		if !finished {
			cmd.Process.Kill()
			<-exited
		}
	}()

	const prompt = "sqlite> "
	p.waitFor(t, prompt, 1)
	p.typeText(t, "CREATE TABLE t(x); INSERT INTO t VALUES (7);\n")
	p.waitFor(t, prompt, 2)

	limit := latencyLimit(t)
	p.typeText(t, forever+" SELECT count(*) FROM c;\n")
	waitCPU(t, cmd.Process.Pid, 200*time.Millisecond) // the query runs
	if strings.Count(p.text(), prompt) != 2 {
		t.Fatalf("the endless query ended by itself:\n%s", p.text())
	}
	sent := time.Now()
	p.typeText(t, "\x03") // Ctrl-C
	p.waitFor(t, prompt, 3)
	latency := time.Since(sent)
	t.Logf("Ctrl-C to the next prompt: %d ms", latency.Milliseconds())
	if latency > limit {
		t.Errorf("Ctrl-C took %v to stop the statement, want within %v", latency.Round(time.Millisecond), limit)
	}
	after := p.text()[strings.LastIndex(p.text(), "count(*) FROM c;"):]
	if !strings.Contains(strings.ToLower(after), "interrupt") {
		t.Errorf("no message saying the statement was interrupted:\n%s", after)
	}
	if strings.Contains(after, "goroutine ") || strings.Contains(after, "panic:") {
		t.Fatalf("a Go crash on the terminal:\n%s", after)
	}

	// The session goes on: same connection, same data.
	p.typeText(t, "SELECT x*6 FROM t;\n")
	p.waitFor(t, "│  42 │\r\n", 1) // on a terminal the default mode is qbox (terminal_mode_test.go)
	p.waitFor(t, prompt, 4)

	// Ctrl-C at the prompt drops the half-typed statement, not the shell.
	p.typeText(t, "SELECT 'half\x03")
	p.waitFor(t, prompt, 5)
	p.typeText(t, "SELECT x+1 FROM t;\n")
	p.waitFor(t, "│   8 │\r\n", 1)
	p.waitFor(t, prompt, 6)

	p.typeText(t, "\x04") // Ctrl-D
	select {
	case err := <-exited:
		finished = true
		code := exitStatus(t, err)
		t.Logf("exit status after Ctrl-D: %d", code)
		if code != 0 && code != 1 {
			t.Errorf("exit status %d after Ctrl-D", code)
		}
	case <-time.After(readyDeadline):
		t.Fatalf("Ctrl-D did not end the shell:\n%s", p.text())
	}
	if got := mustQuery(t, false, db, "SELECT x FROM t"); got != "7" {
		t.Errorf("table afterwards: %q, want 7", got)
	}
}
