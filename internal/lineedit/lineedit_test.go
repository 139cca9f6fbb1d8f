package lineedit

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// Keys as a terminal sends them (xterm, normal cursor mode).
const (
	up, left, right   = "\x1b[A", "\x1b[D", "\x1b[C"
	home, end         = "\x1b[H", "\x1b[F"
	altB              = "\x1bb"
	ctrlA, ctrlE      = "\x01", "\x05"
	ctrlK, ctrlU      = "\x0b", "\x15"
	ctrlW, ctrlL      = "\x17", "\x0c"
	ctrlC, ctrlD      = "\x03", "\x04"
	ctrlR, backspace  = "\x12", "\x7f"
	enter, tab        = "\r", "\t"
	prompt, continued = "edit> ", " ...> "
)

// got is how the echo program shows a line it read.
func got(line string) string { return fmt.Sprintf("got %d %+q", len(line), line) }

// session starts the echo program with a history file of its own and
// waits for its first prompt; it also checks that the terminal is in raw
// mode then and returns the mode it had before.
func session(t *testing.T, p *pty, history string) (*proc, unix.Termios) {
	t.Helper()
	before := p.mode(t)
	pr := startEcho(t, p, "SQLITE_HISTORY="+history)
	pr.Expect(t, prompt)
	raw := p.mode(t)
	if raw.Lflag&(unix.ICANON|unix.ECHO|unix.ISIG) != 0 {
		t.Fatalf("once the prompt shows the terminal is not in raw mode (ISIG off: Ctrl-C is a key): lflag %#x", raw.Lflag)
	}
	return pr, before
}

func TestEdits(t *testing.T) {
	p := openPTY(t)
	pr, _ := session(t, p, filepath.Join(t.TempDir(), "history"))
	for _, tc := range []struct {
		name, keys, line string
	}{
		{"typed", "SELECT 1;" + enter, "SELECT 1;"},
		{"left and insert", "acd" + left + left + "b" + enter, "abcd"},
		{"right", "ac" + left + left + right + "b" + enter, "abc"},
		{"home and end", "bc" + home + "a" + end + "d" + enter, "abcd"},
		{"ctrl-a and ctrl-e", "bc" + ctrlA + "a" + ctrlE + "d" + enter, "abcd"},
		{"ctrl-k kills to the end", "abcdef" + ctrlA + right + right + ctrlK + enter, "ab"},
		{"ctrl-u kills to the start", "xyzabc" + left + left + left + ctrlU + enter, "abc"},
		{"ctrl-w kills a word", "SELECT foo bar" + ctrlW + "baz" + enter, "SELECT foo baz"},
		{"alt-b moves a word back", "two three" + altB + altB + "one " + enter, "one two three"},
		{"backspace", "abx" + backspace + "c" + enter, "abc"},
		{"ctrl-l keeps the line", "ab" + ctrlL + "c" + enter, "abc"},
		{"tab completes a keyword", "sel" + tab + " 1" + enter, "SELECT 1"},
		{"tab after wide text", "'あい' sel" + tab + enter, "'あい' SELECT"},
		{"east asian text edited in place", "あう" + left + "い" + end + "え" + enter, "あいうえ"},
	} {
		pr.Send(t, tc.keys)
		pr.Expect(t, got(tc.line))
		pr.Expect(t, prompt)
	}
	if !strings.Contains(pr.Text(), "\x1b[2J") {
		t.Errorf("Ctrl-L did not clear the screen")
	}
}

func TestHistory(t *testing.T) {
	p := openPTY(t)
	history := filepath.Join(t.TempDir(), "history")
	pr, _ := session(t, p, history)
	for _, line := range []string{"SELECT 'first';", "SELECT 'second';"} {
		pr.Send(t, line+enter)
		pr.Expect(t, got(line))
		pr.Expect(t, prompt)
	}
	pr.Send(t, up+up+enter)
	pr.Expect(t, got("SELECT 'first';"))
	pr.Expect(t, prompt)
	pr.Send(t, up+left+left+"!"+enter) // recall, then edit
	pr.Expect(t, got("SELECT 'first!';"))
	pr.Expect(t, prompt)
	pr.Send(t, ctrlR+"seco"+enter)
	pr.Expect(t, got("SELECT 'second';"))
	pr.Expect(t, prompt)
	pr.Send(t, ctrlD)
	pr.Expect(t, "eof")
	if code := pr.wait(t); code != 0 {
		t.Fatalf("exit status %d after Ctrl-D", code)
	}
	saved, err := os.ReadFile(history)
	if err != nil {
		t.Fatalf("history file not written: %v", err)
	}
	if !strings.Contains(string(saved), "SELECT 'first!';\n") {
		t.Errorf("history file lacks the last lines:\n%s", saved)
	}

	// The next session starts with that history.
	p2 := openPTY(t)
	pr2, _ := session(t, p2, history)
	pr2.Send(t, up+enter)
	pr2.Expect(t, got("SELECT 'second';"))
}

func TestHistoryFileUnwritable(t *testing.T) {
	p := openPTY(t)
	pr, _ := session(t, p, "/nonexistent/dir/history")
	pr.Send(t, "SELECT 1;"+enter)
	pr.Expect(t, got("SELECT 1;"))
	pr.Send(t, up+enter)
	pr.Expect(t, got("SELECT 1;"))
	pr.Send(t, ctrlD)
	pr.Expect(t, "eof")
	pr.Expect(t, "history: open /nonexistent/dir/history")
	if code := pr.wait(t); code != 0 {
		t.Fatalf("exit status %d: an unwritable history file must not fail the session", code)
	}
}

func TestLongLine(t *testing.T) {
	p := openPTY(t)
	pr, _ := session(t, p, filepath.Join(t.TempDir(), "history"))
	long := "SELECT length('" + strings.Repeat("a", 5000) + "');"
	pr.Send(t, long+enter)
	pr.Expect(t, got(long))
	pr.Expect(t, prompt)
}

func TestMultibyteBackspaceWithoutIUTF8(t *testing.T) {
	p := openPTY(t)
	m := p.mode(t)
	m.Iflag &^= unix.IUTF8 // as in docker run -it
	p.setMode(t, m)
	pr, _ := session(t, p, filepath.Join(t.TempDir(), "history"))
	if p.mode(t).Iflag&unix.IUTF8 != 0 {
		t.Fatal("IUTF8 is still on")
	}
	pr.Send(t, "SELECT hex('あい"+backspace+"う');"+enter)
	pr.Expect(t, got("SELECT hex('あう');"))
}

func TestPasteOfSeveralLines(t *testing.T) {
	p := openPTY(t)
	pr, _ := session(t, p, filepath.Join(t.TempDir(), "history"))
	lines := []string{"SELECT 1;", `SELECT 2 \`, "  + 3;", "SELECT 'あ';"}
	pr.Send(t, strings.Join(lines, "\r")+enter) // one write, as a terminal pastes
	for i, line := range lines {
		pr.Expect(t, got(line))
		next := prompt
		if i == 1 {
			next = continued
		}
		pr.Expect(t, next)
	}
	// Each line was shown after its own prompt: prompts never pile up.
	if strings.Contains(pr.Text(), prompt+prompt) {
		t.Errorf("prompts piled up:\n%q", pr.Text())
	}
}

func TestCtrlCAndCtrlD(t *testing.T) {
	p := openPTY(t)
	pr, before := session(t, p, filepath.Join(t.TempDir(), "history"))
	pr.Send(t, "SELECT 'half"+ctrlC)
	pr.Expect(t, "^C")
	pr.Expect(t, "interrupt")
	pr.Expect(t, prompt)
	pr.Send(t, "x"+enter) // the half line is gone
	pr.Expect(t, got("x"))
	pr.Expect(t, prompt)

	pr.Send(t, "ab"+ctrlD+"c"+enter) // Ctrl-D at the end of a line: nothing
	pr.Expect(t, got("abc"))
	pr.Expect(t, prompt)
	pr.Send(t, "xab"+ctrlA+ctrlD+enter) // under the cursor: deletes, as readline
	pr.Expect(t, got("ab"))
	pr.Expect(t, prompt)

	pr.Send(t, ctrlD)
	pr.Expect(t, "eof")
	if code := pr.wait(t); code != 0 {
		t.Fatalf("exit status %d after Ctrl-D", code)
	}
	if after := p.mode(t); !sameMode(before, after) {
		t.Errorf("terminal mode not restored after Ctrl-D:\nbefore %+v\nafter  %+v", before, after)
	}
}

func TestModeRestoredOnReturn(t *testing.T) {
	p := openPTY(t)
	pr, before := session(t, p, filepath.Join(t.TempDir(), "history"))
	pr.Send(t, "quit"+enter)
	pr.Expect(t, got("quit"))
	if code := pr.wait(t); code != 0 {
		t.Fatalf("exit status %d", code)
	}
	if after := p.mode(t); !sameMode(before, after) {
		t.Errorf("terminal mode not restored after Close:\nbefore %+v\nafter  %+v", before, after)
	}
	pasteEndsOff(t, pr)
}

func TestModeRestoredOnSIGTERM(t *testing.T) {
	p := openPTY(t)
	pr, before := session(t, p, filepath.Join(t.TempDir(), "history"))
	pr.Send(t, "SELECT 'typing")
	pr.Expect(t, "typing")
	if text := pr.Text(); strings.LastIndex(text, pasteOn) < strings.LastIndex(text, pasteOff) {
		t.Fatal("bracketed paste is off while reading: the test could not tell")
	}
	if sameMode(before, p.mode(t)) {
		t.Fatal("the terminal is in its original mode while reading: the test could not tell")
	}
	if err := pr.Cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := pr.wait(t); code != 143 {
		t.Errorf("exit status %d after SIGTERM, want 143", code)
	}
	if after := p.mode(t); !sameMode(before, after) {
		t.Errorf("terminal mode not restored after SIGTERM:\nbefore %+v\nafter  %+v", before, after)
	}
	pasteEndsOff(t, pr)
}

// pasteEndsOff checks that the program, once it has exited, left bracketed
// paste off: the terminal's last word on it is pasteOff.
func pasteEndsOff(t *testing.T, pr *proc) {
	t.Helper()
	pr.Expect(t, pasteOff) // the copy of the output may lag the exit
	text := pr.Text()
	if strings.LastIndex(text, pasteOff) < strings.LastIndex(text, pasteOn) {
		t.Errorf("bracketed paste left on:\n%q", text)
	}
}

// docker run -it may start the program before the terminal has a size.
func TestTerminalWithoutSize(t *testing.T) {
	p := openPTYSize(t, 0, 0)
	pr, _ := session(t, p, filepath.Join(t.TempDir(), "history"))
	pr.Send(t, "acd"+left+left+"b"+enter)
	pr.Expect(t, got("abcd"))
	pr.Expect(t, prompt)
}

func TestHistoryPath(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"SQLITE_HISTORY wins", map[string]string{"SQLITE_HISTORY": "/x/h", "HOME": "/home/u"}, "/x/h"},
		{"HOME", map[string]string{"HOME": "/home/u"}, "/home/u/.sqlite_history"},
		{"neither (the image)", map[string]string{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := HistoryPath(func(k string) string { return tc.env[k] }); got != tc.want {
				t.Errorf("HistoryPath = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestNewRefusesNonTerminals(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if _, err := New(r, w, Options{}); err == nil {
		t.Fatal("New accepted a pipe")
	}
}
