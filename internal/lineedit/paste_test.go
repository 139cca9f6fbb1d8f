package lineedit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// lit is how the pump hands liner the control byte b from a paste.
func lit(b byte) string { return string(rune(literalBase + int(b))) }

func TestPasteFilter(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"typed keys pass", "ab\t\x1bb\x1b[A\r", "ab\t\x1bb\x1b[A\r"},
		{"paste", pasteStart + "SELECT '\tx';" + pasteEnd, "SELECT '" + lit('\t') + "x';"},
		{"line ends in a paste are Enter", pasteStart + "a\r\nb\nc\rd\r\n\ne" + pasteEnd, "a\rb\rc\rd\r\re"},
		{"controls in a paste", pasteStart + "\x1bb\x12\x03\x04\x7f\x00" + pasteEnd,
			lit(0x1b) + "b" + lit(0x12) + lit(3) + lit(4) + lit(0x7f) + lit(0)},
		{"utf-8 in a paste", pasteStart + "'あ'" + pasteEnd, "'あ'"},
		{"escape sequences in a paste", pasteStart + "\x1b[A\x1b[200~" + pasteEnd, lit(0x1b) + "[A" + lit(0x1b) + "[200~"},
		{"after a paste, keys again", pasteStart + "\t" + pasteEnd + "\t\r", lit('\t') + "\t\r"},
		{"a stray end marker is a key", pasteEnd, pasteEnd},
		{"other CSI ~ keys", "\x1b[2~\x1b[20~\x1b[3~", "\x1b[2~\x1b[20~\x1b[3~"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Whole, and split in two at every byte (a read may end anywhere).
			for cut := 0; cut <= len(tc.in); cut++ {
				var f pasteFilter
				out := f.feed(nil, []byte(tc.in[:cut]))
				out = f.feed(out, []byte(tc.in[cut:]))
				out = f.flush(out)
				if string(out) != tc.want {
					t.Fatalf("cut at %d: got %+q, want %+q", cut, out, tc.want)
				}
			}
		})
	}
}

func TestPasteFilterHolds(t *testing.T) {
	var f pasteFilter
	if out := f.feed(nil, []byte("ab\x1b[20")); string(out) != "ab" || !f.holding() {
		t.Fatalf("a chunk ending in part of the start marker: got %+q, holding %v", out, f.holding())
	}
	if out := f.flush(nil); string(out) != "\x1b[20" || f.holding() { // nothing followed: keys
		t.Fatalf("flush gave %+q", out)
	}
	if out := f.feed(nil, []byte("\x1b")); len(out) != 0 || !f.holding() {
		t.Fatalf("a lone Escape is not held for the timeout: %+q", out)
	}
	if out := f.feed(nil, []byte("b")); string(out) != "\x1bb" {
		t.Fatalf("Escape then b: %+q", out)
	}
	f.feed(nil, []byte(pasteStart+"x\x1b[2"))
	if f.holding() {
		t.Fatal("inside a paste, part of the end marker must wait for the rest, not time out")
	}
}

func TestFromLiteral(t *testing.T) {
	in := "SELECT '" + lit('\t') + lit(0x1b) + lit(0x7f) + lit(0) + string(rune(literalBase+0x20)) + "あ';"
	if got, want := fromLiteral(in), "SELECT '\t\x1b\x7f\x00"+string(rune(literalBase+0x20))+"あ';"; got != want {
		t.Fatalf("fromLiteral: %+q, want %+q", got, want)
	}
}

func TestBracketedPaste(t *testing.T) {
	p := openPTY(t)
	history := filepath.Join(t.TempDir(), "history")
	pr, _ := session(t, p, history)
	if !strings.Contains(pr.Text(), pasteOn+prompt) {
		t.Fatalf("bracketed paste not turned on before the prompt:\n%q", pr.Text())
	}

	// Two statements: the first line is accepted at once, the second
	// (no newline) waits in the edit buffer for Enter. The Tab is text.
	pr.Send(t, pasteStart+"SELECT '\tx';\nSELECT 2;"+pasteEnd)
	pr.Expect(t, pasteOff) // the line is read: off before the program goes on
	pr.Expect(t, got("SELECT '\tx';"))
	pr.Expect(t, pasteOn+prompt)
	pr.Expect(t, "SELECT 2;")
	pr.Send(t, enter)
	pr.Expect(t, got("SELECT 2;"))
	pr.Expect(t, prompt)

	// Escape and Ctrl-R are text too, and so is a Tab that would complete.
	pr.Send(t, "x"+pasteStart+"a\x1bb\x12c sel\t"+pasteEnd+"!"+enter)
	pr.Expect(t, got("xa\x1bb\x12c sel\t!"))
	pr.Expect(t, prompt)

	// \r\n is one line end; the lines keep their order.
	pr.Send(t, pasteStart+"SELECT 3;\r\nSELECT 4;\r\n"+pasteEnd)
	pr.Expect(t, got("SELECT 3;"))
	pr.Expect(t, got("SELECT 4;"))
	pr.Expect(t, prompt)
	pr.Send(t, "end"+enter)
	pr.Expect(t, got("end"))
	pr.Expect(t, prompt)
	if strings.Contains(pr.Text(), got("")) {
		t.Errorf("an empty line was read:\n%q", pr.Text())
	}

	// History keeps the control characters, in memory and in the file.
	pr.Send(t, up+up+enter)
	pr.Expect(t, got("SELECT 4;"))
	pr.Expect(t, prompt)
	pr.Send(t, ctrlR+"xa"+enter)
	pr.Expect(t, got("xa\x1bb\x12c sel\t!"))
	pr.Expect(t, prompt)
	pr.Send(t, ctrlD)
	pr.Expect(t, "eof")
	if code := pr.wait(t); code != 0 {
		t.Fatalf("exit status %d", code)
	}
	saved, err := os.ReadFile(history)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(saved), "SELECT '\tx';\n") || !strings.Contains(string(saved), "xa\x1bb\x12c sel\t!\n") {
		t.Errorf("history file:\n%q", saved)
	}
	text := pr.Text()
	if strings.LastIndex(text, pasteOff) < strings.LastIndex(text, pasteOn) {
		t.Errorf("bracketed paste left on after exit:\n%q", text)
	}

	// The next session recalls the pasted line whole.
	p2 := openPTY(t)
	pr2, _ := session(t, p2, history)
	pr2.Send(t, ctrlR+"xa"+enter)
	pr2.Expect(t, got("xa\x1bb\x12c sel\t!"))
}

func TestPasteSplitAndEscape(t *testing.T) {
	p := openPTY(t)
	pr, _ := session(t, p, filepath.Join(t.TempDir(), "history"))
	// The end marker and a character split across writes.
	pr.Send(t, pasteStart+"SELECT '\t\xe3\x81")
	pr.Send(t, "\x82'\x1b[2")
	pr.Send(t, "01~;"+enter)
	pr.Expect(t, got("SELECT '\tあ';"))
	pr.Expect(t, prompt)

	// Alt-B as Escape and b in two writes.
	pr.Send(t, "two three\x1b")
	pr.Send(t, "b"+"X"+enter)
	pr.Expect(t, got("two Xthree"))
	pr.Expect(t, prompt)

	// A lone Escape reaches liner without anything after it: it ends a
	// Ctrl-R search, which shows the line found after the prompt again.
	for _, line := range []string{"SELECT 'first';", "SELECT 'second';"} {
		pr.Send(t, line+enter)
		pr.Expect(t, got(line))
		pr.Expect(t, prompt)
	}
	pr.Send(t, ctrlR+"fir")
	pr.Expect(t, "(reverse-i-search)`fir': SELECT 'first';")
	pr.Send(t, "\x1b")
	pr.Expect(t, prompt+"SELECT 'first';")
	pr.Send(t, "!"+enter) // the cursor stays where the match was
	pr.Expect(t, got("SELECT '!first';"))
}

func TestNothingReadBetweenPrompts(t *testing.T) {
	p := openPTY(t)
	pr, _ := session(t, p, filepath.Join(t.TempDir(), "history"))
	pr.Send(t, "direct"+enter)
	pr.Expect(t, got("direct"))
	pr.Expect(t, "reading")
	pr.Send(t, "typed meanwhile\r")
	pr.Expect(t, `direct "typed meanwhile\r"`)
	pr.Expect(t, prompt)
	pr.Send(t, "next"+enter)
	pr.Expect(t, got("next"))
}
