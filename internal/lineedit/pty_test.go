package lineedit

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// A real pseudo-terminal for the tests: the program under test runs on the
// slave side as the session leader (so the line discipline is in play, as
// for a person at a terminal) and the test types on the master side.

// waitLimit bounds every wait for output; generous, for a busy machine.
const waitLimit = 15 * time.Second

type pty struct {
	master *os.File
	slave  *os.File // kept open by the test to read the terminal's mode
	mu     sync.Mutex
	out    strings.Builder
	seen   int // expect has consumed out up to here
}

// openPTY opens a pseudo-terminal of 80x24 and starts copying what the
// program shows.
func openPTY(t *testing.T) *pty { return openPTYSize(t, 80, 24) }

// openPTYSize opens a pseudo-terminal of cols x rows (0x0: never set).
func openPTYSize(t *testing.T, cols, rows uint16) *pty {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("no pseudo-terminals: %v", err)
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("ptsname: %v", err)
	}
	slave, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: rows, Col: cols}); err != nil {
		t.Fatal(err)
	}
	p := &pty{master: master, slave: slave}
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
	t.Cleanup(func() { master.Close(); slave.Close() })
	return p
}

func (p *pty) text() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// expect waits until the terminal shows want after what earlier expects
// consumed, and consumes up to its end.
func (p *pty) expect(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
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

func (p *pty) send(t *testing.T, keys string) {
	t.Helper()
	if _, err := p.master.WriteString(keys); err != nil {
		t.Fatal(err)
	}
}

// mode is the terminal's current mode, read on the slave side.
func (p *pty) mode(t *testing.T) unix.Termios {
	t.Helper()
	m, err := unix.IoctlGetTermios(int(p.slave.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return *m
}

func (p *pty) setMode(t *testing.T, m unix.Termios) {
	t.Helper()
	if err := unix.IoctlSetTermios(int(p.slave.Fd()), unix.TCSETS, &m); err != nil {
		t.Fatal(err)
	}
}

// sameMode compares the parts of two modes that raw mode changes.
func sameMode(a, b unix.Termios) bool {
	return a.Iflag == b.Iflag && a.Oflag == b.Oflag && a.Cflag == b.Cflag && a.Lflag == b.Lflag && a.Cc == b.Cc
}

// proc is the echo program (see echoMain) running on a pty.
type proc struct {
	*pty
	cmd    *exec.Cmd
	exited chan error
}

// startEcho runs the echo program on p with the given extra environment.
func startEcho(t *testing.T, p *pty, env ...string) *proc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), append([]string{echoEnv + "=1", "TERM=xterm"}, env...)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = p.slave, p.slave, p.slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pr := &proc{pty: p, cmd: cmd, exited: make(chan error, 1)}
	go func() { pr.exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-pr.exited
	})
	return pr
}

// wait waits for the program to exit and returns its exit status.
func (pr *proc) wait(t *testing.T) int {
	t.Helper()
	select {
	case err := <-pr.exited:
		pr.exited <- err // for the cleanup
		if err == nil {
			return 0
		}
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		t.Fatal(err)
	case <-time.After(waitLimit):
		t.Fatalf("the program did not exit; the terminal shows:\n%q", pr.text())
	}
	return -1
}
