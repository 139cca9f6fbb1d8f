//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// The line editor in the shell (issue 12), on a real pseudo-terminal: the
// shell is the session leader on the slave side with TERM=xterm, keystrokes
// are typed on the master, and every step waits for what the terminal shows
// (with a deadline) before the next.

const (
	keyUp, keyLeft = "\x1b[A", "\x1b[D"
	keyCtrlA       = "\x01"
	keyCtrlE       = "\x05"
	keyCtrlC       = "\x03"
	keyCtrlD       = "\x04"
	keyBackspace   = "\x7f"
	keyTab         = "\t"
	shellPrompt    = "sqlite> "
	shellContinue  = "   ...> "
	// Bracketed paste: on while the editor reads a line, off once read.
	pasteOn, pasteOff    = "\x1b[?2004h", "\x1b[?2004l"
	pasteStart, pasteEnd = "\x1b[200~", "\x1b[201~"
)

// editSession is the shell running on a pty with the line editor.
type editSession struct {
	*pty
	cmd     *exec.Cmd
	exited  chan error
	before  unix.Termios // the terminal's mode before the shell started
	slave   *os.File     // kept open to read the mode
	history string
	seen    int // expect has consumed the output up to here
}

// startEditing starts the shell on a new pty; iutf8 false clears IUTF8
// first, as docker run -it's terminal has it.
func startEditing(t *testing.T, iutf8 bool, args ...string) *editSession {
	t.Helper()
	p, slave := openPTY(t)
	t.Cleanup(func() { p.master.Close() })
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 80}); err != nil {
		t.Fatal(err)
	}
	mode, err := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if !iutf8 {
		mode.Iflag &^= unix.IUTF8
		if err := unix.IoctlSetTermios(int(slave.Fd()), unix.TCSETS, mode); err != nil {
			t.Fatal(err)
		}
	}
	s := &editSession{pty: p, before: *mode, slave: slave, history: filepath.Join(t.TempDir(), "history"), exited: make(chan error, 1)}
	if len(args) == 0 {
		// -list: these tests read results as lines; the terminal's default
		// (qbox, as stock 3.53) has its own test (terminal_mode_test.go).
		args = []string{"-list", filepath.Join(t.TempDir(), "edit.db")}
	}
	s.cmd = exec.Command(bin, args...)
	s.cmd.Env = append(os.Environ(), "TERM=xterm", "SQLITE_HISTORY="+s.history)
	s.cmd.Stdin, s.cmd.Stdout, s.cmd.Stderr = slave, slave, slave
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.exited <- s.cmd.Wait() }()
	t.Cleanup(func() {
		s.cmd.Process.Kill()
		<-s.exited
		slave.Close()
	})
	s.expect(t, shellPrompt)
	if m := s.mode(t); m.Lflag&(unix.ICANON|unix.ECHO|unix.ISIG) != 0 {
		t.Fatalf("once the prompt shows the terminal is not in raw mode (lflag %#x): no line editor, or Ctrl-C would be SIGINT", m.Lflag)
	}
	return s
}

// expect waits until the terminal shows want after what the last expect
// matched, and consumes up to its end.
func (s *editSession) expect(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		text := s.text()
		if i := strings.Index(text[s.seen:], want); i >= 0 {
			s.seen += i + len(want)
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the terminal never showed %q; after the last match it shows:\n%q", want, text[s.seen:])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// row waits for one line of output (list mode) and the next prompt; the
// line editor has turned bracketed paste off before the output.
func (s *editSession) row(t *testing.T, want string) {
	t.Helper()
	s.expect(t, "\r\n"+pasteOff+want+"\r\n")
	s.expect(t, pasteOn+shellPrompt)
}

func (s *editSession) mode(t *testing.T) unix.Termios {
	t.Helper()
	m, err := unix.IoctlGetTermios(int(s.slave.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return *m
}

// wait waits for the shell to exit and checks its status and that the
// terminal's mode is the one it had before.
func (s *editSession) wait(t *testing.T, wantCode int) {
	t.Helper()
	select {
	case err := <-s.exited:
		s.exited <- err
		if code := exitStatus(t, err); code != wantCode {
			t.Errorf("exit status %d, want %d; the terminal shows:\n%q", code, wantCode, s.text())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("the shell did not exit; the terminal shows:\n%q", s.text())
	}
	after := s.mode(t)
	if after.Iflag != s.before.Iflag || after.Oflag != s.before.Oflag || after.Lflag != s.before.Lflag || after.Cc != s.before.Cc {
		t.Errorf("terminal mode not restored:\nbefore %+v\nafter  %+v", s.before, after)
	}
}

func TestLineEditorHistoryAndEdits(t *testing.T) {
	s := startEditing(t, true)
	s.typeText(t, "CREATE TABLE sales(customer_id, total); INSERT INTO sales VALUES (7, 1.5);\r")
	s.expect(t, shellPrompt)
	s.typeText(t, "SELECT 'fi' || 'rst';\r")
	s.row(t, "first")
	s.typeText(t, keyUp+"\r") // Up recalls the line
	s.row(t, "first")
	s.typeText(t, "ELECT 1"+keyLeft+"4"+keyCtrlA+"S"+keyCtrlE+";\r") // edits in place
	s.row(t, "41")
	s.typeText(t, "sel"+keyTab+" cust"+keyTab+" FROM sal"+keyTab+";\r") // Tab: keyword, column, table
	s.row(t, "7")
	s.typeText(t, "SELECT\r") // a statement over two lines
	s.expect(t, shellContinue)
	s.typeText(t, "6 * 7;\r")
	s.row(t, "42")
	s.typeText(t, "SELECT length('"+strings.Repeat("a", 5000)+"');\r")
	s.row(t, "5000")
	s.typeText(t, keyCtrlD)
	s.wait(t, 0)
	saved, err := os.ReadFile(s.history)
	if err != nil {
		t.Fatalf("history not saved: %v", err)
	}
	if !strings.Contains(string(saved), "SELECT 'fi' || 'rst';\n") {
		t.Errorf("history file lacks the session's lines:\n%s", saved)
	}
}

func TestLineEditorMultibyteBackspaceWithoutIUTF8(t *testing.T) {
	s := startEditing(t, false)
	s.typeText(t, "SELECT hex('あい"+keyBackspace+"う');\r")
	s.row(t, "E38182E38186")
	s.typeText(t, ".quit\r")
	s.wait(t, 0)
}

func TestLineEditorPaste(t *testing.T) {
	s := startEditing(t, true)
	s.typeText(t, "SELECT 1;\rSELECT 2;\rSELECT\r3;\r") // one write, as a paste
	s.row(t, "1")
	s.row(t, "2")
	s.row(t, "3")
	if strings.Contains(s.text(), shellPrompt+shellPrompt) {
		t.Errorf("prompts piled up:\n%q", s.text())
	}
	s.typeText(t, keyCtrlD)
	s.wait(t, 0)
}

// A bracketed paste is inserted as it is: its Tab is text, not completion;
// each pasted line is Enter, the last one waits for the user's.
func TestLineEditorBracketedPaste(t *testing.T) {
	s := startEditing(t, true)
	s.typeText(t, pasteStart+"SELECT hex('a"+keyTab+"b');\nSELECT 'pa' ||"+pasteEnd)
	s.row(t, "610962")
	s.expect(t, "SELECT 'pa' ||")
	s.typeText(t, " 'sted';\r")
	s.row(t, "pasted")
	s.typeText(t, keyCtrlD)
	s.expect(t, pasteOff)
	s.wait(t, 0)
}

// Between prompts the editor reads nothing from the terminal: what is
// typed while a statement runs stays there for whoever reads next (here
// the test itself).
func TestLineEditorReadsNothingBetweenPrompts(t *testing.T) {
	s := startEditing(t, true)
	s.typeText(t, forever+" SELECT count(*) FROM c;\r")
	s.expect(t, "count(*) FROM c;")
	s.expect(t, "\r\n"+pasteOff) // the line is read; the statement runs
	s.typeText(t, "typed")
	fd := int(s.slave.Fd())
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if n, err := unix.IoctlGetInt(fd, unix.TIOCINQ); err == nil && n == len("typed") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("what was typed while a statement ran never waited in the terminal: the editor read it")
		}
	}
	buf := make([]byte, 16)
	if n, err := unix.Read(fd, buf); err != nil || string(buf[:n]) != "typed" {
		t.Fatalf("read %q, %v from the terminal", buf[:n], err)
	}
	s.typeText(t, keyCtrlC)
	s.expect(t, "nterrupt")
	s.expect(t, pasteOn+shellPrompt)
	s.typeText(t, "SELECT 9;\r")
	s.row(t, "9")
	s.typeText(t, keyCtrlD)
	s.wait(t, 1)
}

// liner's Ctrl-R panics on a match after multi-byte text (a byte offset
// taken for a rune position); lineedit catches it: the line is dropped and
// the session goes on with its history.
func TestLineEditorReverseSearchAfterMultibyteText(t *testing.T) {
	s := startEditing(t, true)
	s.typeText(t, "SELECT 'first';\r")
	s.row(t, "first")
	s.typeText(t, "SELECT 'ああああああああああああ' x;\r")
	s.row(t, "ああああああああああああ")
	s.typeText(t, "\x12x") // Ctrl-R, then x: liner panics
	s.expect(t, "\a")
	s.expect(t, pasteOn+shellPrompt)
	s.typeText(t, "SELECT 1;\r")
	s.row(t, "1")
	s.typeText(t, keyUp+keyUp+keyUp+"\r") // the history before is kept
	s.row(t, "first")
	s.typeText(t, keyCtrlD)
	s.wait(t, 0)
	if text := s.text(); strings.Contains(text, "panic") || strings.Contains(text, "goroutine") {
		t.Errorf("a panic shows on the terminal:\n%q", text)
	}
	saved, err := os.ReadFile(s.history)
	if err != nil {
		t.Fatalf("history not saved: %v", err)
	}
	if want := "SELECT 'first';\nSELECT 'ああああああああああああ' x;\nSELECT 1;\nSELECT 'first';\n"; string(saved) != want {
		t.Errorf("history file:\n%s\nwant:\n%s", saved, want)
	}
}

func TestLineEditorCtrlCAndCtrlD(t *testing.T) {
	s := startEditing(t, true)
	s.typeText(t, "SELECT 'half"+keyCtrlC) // at the prompt: the line is dropped
	s.expect(t, "^C")
	s.expect(t, shellPrompt)
	s.typeText(t, "SELECT 5;\r")
	s.row(t, "5")

	s.typeText(t, forever+" SELECT count(*) FROM c;\r")
	s.expect(t, "count(*) FROM c;")
	s.expect(t, "\r\n")
	time.Sleep(300 * time.Millisecond) // let it run; nothing below depends on how long
	sent := time.Now()
	s.typeText(t, keyCtrlC) // during a statement: interrupts it
	s.expect(t, "nterrupt")
	s.expect(t, shellPrompt)
	if d := time.Since(sent); d > signalMaxLatency+time.Second {
		t.Errorf("Ctrl-C took %v to stop the statement", d)
	}
	s.typeText(t, "SELECT 6;\r")
	s.row(t, "6")

	s.typeText(t, "SELECT 8;"+keyCtrlD) // on a non-empty line: nothing happens
	s.typeText(t, "\r")
	s.row(t, "8")
	s.typeText(t, keyCtrlD)
	s.wait(t, 1) // the interrupted statement was an error: 1, as the stock shell
}

func TestLineEditorSIGTERM(t *testing.T) {
	for _, tc := range []struct {
		name, keys string
		shown      []string
	}{
		{"at the prompt", "SELECT 'typing", []string{"typing"}}, // then paste is off only after the signal
		{"during a query", forever + " SELECT count(*) FROM c;\r", []string{"count(*) FROM c;", "\r\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := startEditing(t, true)
			s.typeText(t, tc.keys)
			for _, shown := range tc.shown {
				s.expect(t, shown)
			}
			if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			s.expect(t, pasteOff)
			s.wait(t, 143)
		})
	}
}

func TestLineEditorOffWithoutTERM(t *testing.T) {
	// TERM=dumb: no editing, the terminal's own line discipline as before.
	p, slave := openPTY(t)
	defer p.master.Close()
	cmd := exec.Command(bin, "-list", ":memory:")
	cmd.Env = append(os.Environ(), "TERM=dumb")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer slave.Close()
	defer cmd.Process.Kill()
	p.waitFor(t, shellPrompt, 1)
	p.typeText(t, "SELECT 3*3;\n")
	p.waitFor(t, "\n9\r\n", 1)
	p.waitFor(t, shellPrompt, 2)
	p.typeText(t, keyCtrlD)
	if code := exitStatus(t, cmd.Wait()); code != 0 {
		t.Errorf("exit status %d after Ctrl-D", code)
	}
}

// TestStdinHint: docker run without -i gives the program /dev/null as
// stdin; with no SQL argument a one-line hint on stderr says why nothing
// happens, and the exit status stays 0. With SQL as an argument, or on a
// pipe, there is no hint.
func TestStdinHint(t *testing.T) {
	devnull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	cmd := exec.Command(bin, ":memory:")
	cmd.Stdin = devnull
	r := runCmd(t, cmd, "")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("exit %d, stdout %q; want 0 and nothing", r.code, r.stdout)
	}
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "standard input") || !strings.Contains(lines[0], "docker run -i") {
		t.Errorf("stderr %q, want one line naming standard input and docker run -i", r.stderr)
	}
	assertCleanStderr(t, r.stderr)

	arg := exec.Command(bin, ":memory:", "SELECT 1")
	arg.Stdin = devnull
	for _, r := range []result{runCmd(t, arg, ""), hello(t, "", "SELECT 2;", ":memory:")} {
		if r.code != 0 || r.stderr != "" || (r.stdout != "1\n" && r.stdout != "2\n") {
			t.Errorf("with SQL: %v", r)
		}
	}
}
