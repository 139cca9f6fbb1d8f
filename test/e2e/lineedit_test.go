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

	"github.com/hello-sqlite/hello-sqlite/internal/ptytest"
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
	*ptytest.Term
	*ptytest.Proc
	before  unix.Termios // the terminal's mode before the shell started
	slave   *os.File     // kept open to read the mode
	history string
}

// startEditing starts the shell on a new pty; iutf8 false clears IUTF8
// first, as docker run -it's terminal has it.
func startEditing(t *testing.T, iutf8 bool, args ...string) *editSession {
	t.Helper()
	p, slave := openPTY(t, 15*time.Second)
	ptytest.SetSize(t, slave, 80, 24)
	mode := ptytest.Mode(t, slave)
	if !iutf8 {
		mode.Iflag &^= unix.IUTF8
		ptytest.SetMode(t, slave, mode)
	}
	s := &editSession{Term: p, before: mode, slave: slave, history: filepath.Join(t.TempDir(), "history")}
	if len(args) == 0 {
		// -list: these tests read results as lines; the terminal's default
		// (qbox, as stock 3.53) has its own test (terminal_mode_test.go).
		args = []string{"-list", filepath.Join(t.TempDir(), "edit.db")}
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "TERM=xterm", "SQLITE_HISTORY="+s.history)
	s.Proc = ptytest.Start(t, cmd, slave)
	s.Expect(t, shellPrompt)
	if m := s.mode(t); m.Lflag&(unix.ICANON|unix.ECHO|unix.ISIG) != 0 {
		t.Fatalf("once the prompt shows the terminal is not in raw mode (lflag %#x): no line editor, or Ctrl-C would be SIGINT", m.Lflag)
	}
	return s
}

// row waits for one line of output (list mode) and the next prompt; the
// line editor has turned bracketed paste off before the output.
func (s *editSession) row(t *testing.T, want string) {
	t.Helper()
	s.Expect(t, "\r\n"+pasteOff+want+"\r\n")
	s.Expect(t, pasteOn+shellPrompt)
}

func (s *editSession) mode(t *testing.T) unix.Termios { return ptytest.Mode(t, s.slave) }

// wait waits for the shell to exit and checks its status and that the
// terminal's mode is the one it had before.
func (s *editSession) wait(t *testing.T, wantCode int) {
	t.Helper()
	exited, err := s.Wait(15 * time.Second)
	if !exited {
		t.Fatalf("the shell did not exit; the terminal shows:\n%q", s.Text())
	}
	if code := exitStatus(t, err); code != wantCode {
		t.Errorf("exit status %d, want %d; the terminal shows:\n%q", code, wantCode, s.Text())
	}
	after := s.mode(t)
	if after.Iflag != s.before.Iflag || after.Oflag != s.before.Oflag || after.Lflag != s.before.Lflag || after.Cc != s.before.Cc {
		t.Errorf("terminal mode not restored:\nbefore %+v\nafter  %+v", s.before, after)
	}
}

func TestLineEditorHistoryAndEdits(t *testing.T) {
	s := startEditing(t, true)
	s.Send(t, "CREATE TABLE sales(customer_id, total); INSERT INTO sales VALUES (7, 1.5);\r")
	s.Expect(t, shellPrompt)
	s.Send(t, "SELECT 'fi' || 'rst';\r")
	s.row(t, "first")
	s.Send(t, keyUp+"\r") // Up recalls the line
	s.row(t, "first")
	s.Send(t, "ELECT 1"+keyLeft+"4"+keyCtrlA+"S"+keyCtrlE+";\r") // edits in place
	s.row(t, "41")
	s.Send(t, "sel"+keyTab+" cust"+keyTab+" FROM sal"+keyTab+";\r") // Tab: keyword, column, table
	s.row(t, "7")
	s.Send(t, "SELECT\r") // a statement over two lines
	s.Expect(t, shellContinue)
	s.Send(t, "6 * 7;\r")
	s.row(t, "42")
	s.Send(t, "SELECT length('"+strings.Repeat("a", 5000)+"');\r")
	s.row(t, "5000")
	s.Send(t, keyCtrlD)
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
	s.Send(t, "SELECT hex('あい"+keyBackspace+"う');\r")
	s.row(t, "E38182E38186")
	s.Send(t, ".quit\r")
	s.wait(t, 0)
}

func TestLineEditorPaste(t *testing.T) {
	s := startEditing(t, true)
	s.Send(t, "SELECT 1;\rSELECT 2;\rSELECT\r3;\r") // one write, as a paste
	s.row(t, "1")
	s.row(t, "2")
	s.row(t, "3")
	if strings.Contains(s.Text(), shellPrompt+shellPrompt) {
		t.Errorf("prompts piled up:\n%q", s.Text())
	}
	s.Send(t, keyCtrlD)
	s.wait(t, 0)
}

// A bracketed paste is inserted as it is: its Tab is text, not completion;
// each pasted line is Enter, the last one waits for the user's.
func TestLineEditorBracketedPaste(t *testing.T) {
	s := startEditing(t, true)
	s.Send(t, pasteStart+"SELECT hex('a"+keyTab+"b');\nSELECT 'pa' ||"+pasteEnd)
	s.row(t, "610962")
	s.Expect(t, "SELECT 'pa' ||")
	s.Send(t, " 'sted';\r")
	s.row(t, "pasted")
	s.Send(t, keyCtrlD)
	s.Expect(t, pasteOff)
	s.wait(t, 0)
}

// Between prompts the editor reads nothing from the terminal: what is
// typed while a statement runs stays there for whoever reads next (here
// the test itself).
func TestLineEditorReadsNothingBetweenPrompts(t *testing.T) {
	s := startEditing(t, true)
	s.Send(t, forever+" SELECT count(*) FROM c;\r")
	s.Expect(t, "count(*) FROM c;")
	s.Expect(t, "\r\n"+pasteOff) // the line is read; the statement runs
	s.Send(t, "typed")
	fd := int(s.slave.Fd())
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if n, err := ptytest.Queued(fd); err == nil && n == len("typed") {
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
	s.Send(t, keyCtrlC)
	s.Expect(t, "nterrupt")
	s.Expect(t, pasteOn+shellPrompt)
	s.Send(t, "SELECT 9;\r")
	s.row(t, "9")
	s.Send(t, keyCtrlD)
	s.wait(t, 1)
}

// liner's Ctrl-R panics on a match after multi-byte text (a byte offset
// taken for a rune position); lineedit catches it: the line is dropped and
// the session goes on with its history.
func TestLineEditorReverseSearchAfterMultibyteText(t *testing.T) {
	s := startEditing(t, true)
	s.Send(t, "SELECT 'first';\r")
	s.row(t, "first")
	s.Send(t, "SELECT 'ああああああああああああ' x;\r")
	s.row(t, "ああああああああああああ")
	s.Send(t, "\x12x") // Ctrl-R, then x: liner panics
	s.Expect(t, "\a")
	s.Expect(t, pasteOn+shellPrompt)
	s.Send(t, "SELECT 1;\r")
	s.row(t, "1")
	s.Send(t, keyUp+keyUp+keyUp+"\r") // the history before is kept
	s.row(t, "first")
	s.Send(t, keyCtrlD)
	s.wait(t, 0)
	if text := s.Text(); strings.Contains(text, "panic") || strings.Contains(text, "goroutine") {
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
	s.Send(t, "SELECT 'half"+keyCtrlC) // at the prompt: the line is dropped
	s.Expect(t, "^C")
	s.Expect(t, shellPrompt)
	s.Send(t, "SELECT 5;\r")
	s.row(t, "5")

	s.Send(t, forever+" SELECT count(*) FROM c;\r")
	s.Expect(t, "count(*) FROM c;")
	s.Expect(t, "\r\n")
	time.Sleep(300 * time.Millisecond) // let it run; nothing below depends on how long
	sent := time.Now()
	s.Send(t, keyCtrlC) // during a statement: interrupts it
	s.Expect(t, "nterrupt")
	s.Expect(t, shellPrompt)
	if d := time.Since(sent); d > signalMaxLatency+time.Second {
		t.Errorf("Ctrl-C took %v to stop the statement", d)
	}
	s.Send(t, "SELECT 6;\r")
	s.row(t, "6")

	s.Send(t, "SELECT 8;"+keyCtrlD) // on a non-empty line: nothing happens
	s.Send(t, "\r")
	s.row(t, "8")
	s.Send(t, keyCtrlD)
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
			s.Send(t, tc.keys)
			for _, shown := range tc.shown {
				s.Expect(t, shown)
			}
			if err := s.Cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			s.Expect(t, pasteOff)
			s.wait(t, 143)
		})
	}
}

func TestLineEditorOffWithoutTERM(t *testing.T) {
	// TERM=dumb: no editing, the terminal's own line discipline as before.
	p, slave := openPTY(t, readyDeadline)
	cmd := exec.Command(bin, "-list", ":memory:")
	cmd.Env = append(os.Environ(), "TERM=dumb")
	pr := ptytest.Start(t, cmd, slave)
	p.WaitFor(t, shellPrompt, 1)
	p.Send(t, "SELECT 3*3;\n")
	p.WaitFor(t, "\n9\r\n", 1)
	p.WaitFor(t, shellPrompt, 2)
	p.Send(t, keyCtrlD)
	exited, err := pr.Wait(readyDeadline)
	if !exited {
		t.Fatalf("Ctrl-D did not end the shell:\n%q", p.Text())
	}
	if code := exitStatus(t, err); code != 0 {
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
