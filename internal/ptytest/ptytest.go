// Package ptytest runs a program on a pseudo-terminal for tests, as on a
// person's terminal: the program is the session leader on the slave side
// (so the line discipline is in play), the test types on the master side
// and waits, with a deadline, for what the terminal shows.
//
// For tests only: nothing but _test.go files may import it (layout_test.go
// checks), so it never reaches the shipped binary. The pseudo-terminal
// tests run on Linux only; elsewhere Open says errors.ErrUnsupported.
package ptytest

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// SetSize sets the terminal's window size (either side's file will do).
func SetSize(t testing.TB, f *os.File, cols, rows uint16) {
	t.Helper()
	if err := unix.IoctlSetWinsize(int(f.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: rows, Col: cols}); err != nil {
		t.Fatalf("TIOCSWINSZ: %v", err)
	}
}

// Mode is the terminal's current mode (tcgetattr).
func Mode(t testing.TB, f *os.File) unix.Termios {
	t.Helper()
	m, err := unix.IoctlGetTermios(int(f.Fd()), ioctlGetTermios)
	if err != nil {
		t.Fatal(err)
	}
	return *m
}

// SetMode sets the terminal's mode at once (tcsetattr with TCSANOW).
func SetMode(t testing.TB, f *os.File, m unix.Termios) {
	t.Helper()
	if err := unix.IoctlSetTermios(int(f.Fd()), ioctlSetTermios, &m); err != nil {
		t.Fatal(err)
	}
}

// New opens a pseudo-terminal of cols x rows (0x0: no size), closed when
// the test ends, and returns the test's side, whose waits take up to
// limit, and the slave for the program. The test is skipped where Open is
// unsupported.
func New(t testing.TB, cols, rows uint16, limit time.Duration) (*Term, *os.File) {
	t.Helper()
	master, slave, err := Open()
	if errors.Is(err, errors.ErrUnsupported) {
		t.Skip("the pseudo-terminal tests run on Linux only")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { master.Close(); slave.Close() })
	SetSize(t, slave, cols, rows)
	return NewTerm(master, limit), slave
}

// Term is the master side as the test drives it: what the terminal has
// shown so far (copied in the background) and the keys it types.
type Term struct {
	master *os.File
	limit  time.Duration
	mu     sync.Mutex
	out    strings.Builder
	seen   int // Expect has consumed out up to here
}

// NewTerm starts copying what master shows until it is closed (or the
// slave's last holder is gone); limit bounds each wait.
func NewTerm(master *os.File, limit time.Duration) *Term {
	p := &Term{master: master, limit: limit}
	go func() {
		buf := make([]byte, 8192)
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
	return p
}

// Text is everything the terminal has shown so far.
func (p *Term) Text() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// Send types keys.
func (p *Term) Send(t testing.TB, keys string) {
	t.Helper()
	if _, err := p.master.WriteString(keys); err != nil {
		t.Fatal(err)
	}
}

// Expect waits until the terminal shows want after what earlier Expects
// consumed, and consumes up to its end.
func (p *Term) Expect(t testing.TB, want string) {
	t.Helper()
	deadline := time.Now().Add(p.limit)
	for {
		p.mu.Lock()
		s := p.out.String()
		i := strings.Index(s[p.seen:], want)
		if i >= 0 {
			p.seen += i + len(want)
		}
		p.mu.Unlock()
		if i >= 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the terminal never showed %q; after the last match it shows:\n%q", want, s[p.seen:])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// WaitFor waits until the terminal has shown want count times in all.
func (p *Term) WaitFor(t testing.TB, want string, count int) {
	t.Helper()
	deadline := time.Now().Add(p.limit)
	for strings.Count(p.Text(), want) < count {
		if time.Now().After(deadline) {
			t.Fatalf("the terminal never showed %q %d times; it shows:\n%s", want, count, p.Text())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Proc is a program started on the slave side.
type Proc struct {
	Cmd  *exec.Cmd
	done chan struct{}
	err  error // cmd.Wait's, once done is closed
}

// Start starts cmd as a session leader whose controlling terminal is
// slave, with slave as its stdout and stderr, and as its stdin unless
// cmd.Stdin is set. The program is killed, if still running, when the
// test ends.
func Start(t testing.TB, cmd *exec.Cmd, slave *os.File) *Proc {
	t.Helper()
	ctty := 1 // the child's fd that is the terminal
	if cmd.Stdin == nil {
		cmd.Stdin, ctty = slave, 0
	}
	cmd.Stdout, cmd.Stderr = slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: ctty}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pr := &Proc{Cmd: cmd, done: make(chan struct{})}
	go func() {
		pr.err = cmd.Wait()
		close(pr.done)
	}()
	t.Cleanup(pr.Kill)
	return pr
}

// Wait waits up to limit for the program to exit: exited is false if it
// has not by then, err is what exec.Cmd.Wait said.
func (pr *Proc) Wait(limit time.Duration) (exited bool, err error) {
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case <-pr.done:
		return true, pr.err
	case <-timer.C:
		return false, nil
	}
}

// Kill kills the program if it still runs and waits until it has exited.
func (pr *Proc) Kill() {
	select {
	case <-pr.done:
	default:
		pr.Cmd.Process.Kill()
		<-pr.done
	}
}
