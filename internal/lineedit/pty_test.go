package lineedit

import (
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/hello-sqlite/hello-sqlite/internal/ptytest"
	"golang.org/x/sys/unix"
)

// A real pseudo-terminal for the tests (internal/ptytest): the program
// under test runs on the slave side as the session leader and the test
// types on the master side.

// waitLimit bounds every wait for output; generous, for a busy machine.
const waitLimit = 15 * time.Second

type pty struct {
	*ptytest.Term
	slave *os.File // kept open by the test to read the terminal's mode
}

// openPTY opens a pseudo-terminal of 80x24 and starts copying what the
// program shows.
func openPTY(t *testing.T) *pty { return openPTYSize(t, 80, 24) }

// openPTYSize opens a pseudo-terminal of cols x rows (0x0: never set).
func openPTYSize(t *testing.T, cols, rows uint16) *pty {
	t.Helper()
	term, slave := ptytest.New(t, cols, rows, waitLimit)
	return &pty{Term: term, slave: slave}
}

// mode is the terminal's current mode, read on the slave side.
func (p *pty) mode(t *testing.T) unix.Termios { return ptytest.Mode(t, p.slave) }

func (p *pty) setMode(t *testing.T, m unix.Termios) { ptytest.SetMode(t, p.slave, m) }

// sameMode compares the parts of two modes that raw mode changes.
func sameMode(a, b unix.Termios) bool {
	return a.Iflag == b.Iflag && a.Oflag == b.Oflag && a.Cflag == b.Cflag && a.Lflag == b.Lflag && a.Cc == b.Cc
}

// proc is the echo program (see echoMain) running on a pty.
type proc struct {
	*pty
	*ptytest.Proc
}

// startEcho runs the echo program on p with the given extra environment.
func startEcho(t *testing.T, p *pty, env ...string) *proc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), append([]string{echoEnv + "=1", "TERM=xterm"}, env...)...)
	return &proc{pty: p, Proc: ptytest.Start(t, cmd, p.slave)}
}

// wait waits for the program to exit and returns its exit status.
func (pr *proc) wait(t *testing.T) int {
	t.Helper()
	exited, err := pr.Wait(waitLimit)
	if !exited {
		t.Fatalf("the program did not exit; the terminal shows:\n%q", pr.Text())
	}
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	t.Fatal(err)
	return -1
}

// inputQueued is how many bytes wait to be read on terminal fd (0 if
// that cannot be known).
func inputQueued(fd int) int {
	n, _ := ptytest.Queued(fd)
	return n
}
