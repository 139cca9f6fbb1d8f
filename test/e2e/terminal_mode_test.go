//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hello-sqlite/hello-sqlite/internal/ptytest"
)

// The 3.53 default on a terminal: when stdin (read interactively) or
// stdout is a terminal, the stock shell starts in ".mode qbox --limits on
// --quote relaxed --sw auto --textjsonb on", a rounded box fitted to the
// terminal's width. Both shells run on a pseudo-terminal of the same size
// and their output for the same input is compared.

// terminalQuery has what the qbox default treats specially: NULL, text
// that looks like a number (quoted), wide characters, a value over the
// 300-character limit, one over the 5-line limit, a blob, JSONB, a long
// column name (cut at 20) and a row too wide for 60 columns.
const terminalQuery = `SELECT 1 AS n, NULL AS nul, '12' AS numtext, 'plain' AS p, '日本語のテキスト' AS wide,` +
	` x'00ff' AS blob, jsonb('{"a":[1,2]}') AS js, 1.5 AS "a very long column name indeed";` +
	` SELECT printf('%.400c', 'x') AS long, 'l1' || char(10) || 'l2' || char(10) || 'l3' || char(10) || 'l4' || char(10) || 'l5' || char(10) || 'l6' || char(10) || 'l7' AS lines;` +
	` SELECT 'a fairly long text that will not fit in sixty columns of terminal' AS a, 'another long text for the second column here' AS b;`

// terminalLines is terminalQuery typed at the prompt: the same values in
// lines short enough that neither line editor wraps them on 60 columns
// (a wrapped line's redraws differ from editor to editor, and with them
// the screen).
const terminalLines = "SELECT 1 AS n, NULL AS nul,\n'12' AS numtext, 'plain' AS p,\n'日本語のテキスト' AS wide,\n" +
	"x'00ff' AS blob,\njsonb('{\"a\":[1,2]}') AS js,\n1.5 AS \"a very long column name indeed\";\n" +
	"SELECT printf('%.400c', 'x') AS long,\n'l1' || char(10) || 'l2' || char(10) ||\n" +
	"'l3' || char(10) || 'l4' || char(10) ||\n'l5' || char(10) || 'l6' || char(10) ||\n'l7' AS lines;\n" +
	"SELECT 'a fairly long text that will ' ||\n'not fit in sixty columns of terminal' AS a,\n" +
	"'another long text for the second ' ||\n'column here' AS b;\n"

// ttyRun runs bin with args on a fresh 24x60 pseudo-terminal (stdin too
// when stdinTTY), types input (or feeds it on a pipe), and returns what the
// terminal showed once the shell exited.
func ttyRun(t *testing.T, bin string, stdinTTY bool, input string, args ...string) string {
	t.Helper()
	p, slave := openPTY(t, readyDeadline)
	ptytest.SetSize(t, slave, 60, 24)
	cmd := exec.Command(bin, args...)
	cmd.Dir = t.TempDir()
	// No history file or ~/.sqliterc of the machine's; the stock shell's
	// download stays where it is (diff_test.go).
	cmd.Env = append(os.Environ(), "HOME="+cmd.Dir, "STOCK_SQLITE3_CACHE="+stockCache(), "SQLITE_HISTORY=/dev/null")
	if !stdinTTY {
		cmd.Stdin = strings.NewReader(input)
	}
	pr := ptytest.Start(t, cmd, slave)
	slave.Close()
	if stdinTTY {
		p.Expect(t, "sqlite> ")
		for _, line := range strings.SplitAfter(input, "\n") {
			if line == "" {
				continue
			}
			p.Send(t, line)
			// The echo, then the next prompt: the line was read (and a
			// statement it ended ran) before the next is typed.
			line = strings.TrimSuffix(line, "\n")
			p.Expect(t, line[max(0, len(line)-6):])
			if next := "   ...> "; strings.HasSuffix(line, ";") || strings.HasPrefix(line, ".") {
				p.Expect(t, "sqlite> ")
			} else {
				p.Expect(t, next)
			}
		}
		p.Send(t, "\x04") // Ctrl-D
	}
	if exited, _ := pr.Wait(10 * time.Second); !exited {
		pr.Kill()
		t.Fatalf("%s did not exit; the terminal shows:\n%s", bin, p.Text())
	}
	// The reader goroutine drains what is left once the slave is gone.
	deadline := time.Now().Add(2 * time.Second)
	for last := ""; time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cur := p.Text(); cur == last && cur != "" {
			break
		} else {
			last = cur
		}
	}
	return p.Text()
}

var (
	bracketedPaste = regexp.MustCompile("\x1b\\[\\?2004[hl]")
	bannerLines    = regexp.MustCompile(`(?m)^(SQLite version .*|Enter ".help" for usage hints\.|Connected to a .*|Use ".open FILENAME" to reopen on a persistent database\.|hello-sqlite .*)\n`)
)

// screen is what a person reads: no CRs, no bracketed-paste switches
// (stock's line editor), no banner (the versions differ), and each echoed
// input line reduced to the prompt (our line discipline and stock's
// editor echo differently; the output between prompts is what counts).
func screen(s string) string {
	s = strings.ReplaceAll(s, "\r", "")
	s = bracketedPaste.ReplaceAllString(s, "")
	s = bannerLines.ReplaceAllString(s, "")
	s = regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(s, "") // stock's bold "transient in-memory database"
	var out []string
	for _, l := range strings.Split(s, "\n") {
		for _, prompt := range []string{"sqlite> ", "   ...> "} {
			if strings.HasPrefix(l, prompt) {
				l = prompt
			}
		}
		out = append(out, l)
	}
	// Stock's Ctrl-D newline after the last prompt is the line editor's
	// business, not the output mode's.
	return strings.TrimRight(strings.Join(out, "\n"), "\n")
}

func TestTerminalQBoxDefault(t *testing.T) {
	stock := stockSQLite3(t)
	cases := []struct {
		name     string
		stdinTTY bool
		input    string
		args     []string
	}{
		{"interactive", true, terminalLines + ".mode\n", []string{":memory:"}},
		{"SQL argument, stdout a terminal", false, "", []string{":memory:", terminalQuery, ".mode"}},
		{"script on a pipe, stdout a terminal", false, terminalQuery + "\n.mode\n", []string{":memory:"}},
		{"-batch keeps list mode", false, terminalQuery + "\n.mode\n", []string{"-batch", ":memory:"}},
		{"wide screen and other options", false, ".mode --sw 100\n" + terminalQuery + "\n.mode qbox --limits 2,40,5\n" + terminalQuery + "\n", []string{":memory:"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := screen(ttyRun(t, stock, c.stdinTTY, c.input, c.args...))
			got := screen(ttyRun(t, bin, c.stdinTTY, c.input, c.args...))
			if got != want {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Errorf("on a terminal, ours shows:\n%s\nthe stock shell:\n%s\nfirst difference at byte %d: ours %q, stock %q",
					got, want, i, got[i:min(i+40, len(got))], want[i:min(i+40, len(want))])
			}
			if c.name != "-batch keeps list mode" && !strings.Contains(got, "╭") {
				t.Errorf("no rounded box on the terminal:\n%s", got)
			}
		})
	}
}
