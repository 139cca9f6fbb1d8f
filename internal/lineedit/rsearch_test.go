package lineedit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// liner v1.2.3's Ctrl-R takes a match's byte offset for a rune position:
// with multi-byte text before the match it panics. The session goes on:
// the line is dropped as with Ctrl-C, and the history is whole.
func TestReverseSearchAfterMultibyteText(t *testing.T) {
	p := openPTY(t)
	history := filepath.Join(t.TempDir(), "history")
	pr, before := session(t, p, history)
	wide := "SELECT 'ああああああああああああ' x"
	for _, line := range []string{"SELECT 'first';", wide} {
		pr.Send(t, line+enter)
		pr.Expect(t, got(line))
		pr.Expect(t, prompt)
	}
	pr.Send(t, ctrlR+"x") // liner panics here
	pr.Expect(t, "interrupt")
	pr.Expect(t, prompt)
	pr.Send(t, "SELECT 1;"+enter) // read whole by the new liner State
	pr.Expect(t, got("SELECT 1;"))
	pr.Expect(t, prompt)
	pr.Send(t, "readers"+enter) // the panicked prompt's reader has ended
	pr.Expect(t, got("readers"))
	pr.Expect(t, "readers 0")
	pr.Expect(t, prompt)
	pr.Send(t, up+up+up+up+enter) // the history from before is still there
	pr.Expect(t, got("SELECT 'first';"))
	pr.Expect(t, prompt)
	pr.Send(t, ctrlD)
	pr.Expect(t, "eof")
	if code := pr.wait(t); code != 0 {
		t.Fatalf("exit status %d after Ctrl-D", code)
	}
	if text := pr.Text(); strings.Contains(text, "panic") || strings.Contains(text, "goroutine") {
		t.Errorf("a panic shows on the terminal:\n%q", text)
	}
	if after := p.mode(t); !sameMode(before, after) {
		t.Errorf("terminal mode not restored after Ctrl-D:\nbefore %+v\nafter  %+v", before, after)
	}
	pasteEndsOff(t, pr)
	saved, err := os.ReadFile(history)
	if err != nil {
		t.Fatalf("history file not written: %v", err)
	}
	if want := "SELECT 'first';\n" + wide + "\nSELECT 1;\nreaders\nSELECT 'first';\n"; string(saved) != want {
		t.Errorf("history file:\n%s\nwant:\n%s", saved, want)
	}
}

// Only liner's own panics are caught: one in the completer (ours) is not
// hidden.
func TestCompleterPanicNotCaught(t *testing.T) {
	p := openPTY(t)
	pr, _ := session(t, p, filepath.Join(t.TempDir(), "history"))
	pr.Send(t, "boom"+tab)
	pr.Expect(t, "panic: runtime error: index out of range")
	if code := pr.wait(t); code != 2 {
		t.Fatalf("exit status %d, want 2 (a Go panic)", code)
	}
}
