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
		pr.send(t, line+enter)
		pr.expect(t, got(line))
		pr.expect(t, prompt)
	}
	pr.send(t, ctrlR+"x") // liner panics here
	pr.expect(t, "interrupt")
	pr.expect(t, prompt)
	pr.send(t, "SELECT 1;"+enter) // read whole by the new liner State
	pr.expect(t, got("SELECT 1;"))
	pr.expect(t, prompt)
	pr.send(t, "readers"+enter) // the panicked prompt's reader has ended
	pr.expect(t, got("readers"))
	pr.expect(t, "readers 0")
	pr.expect(t, prompt)
	pr.send(t, up+up+up+up+enter) // the history from before is still there
	pr.expect(t, got("SELECT 'first';"))
	pr.expect(t, prompt)
	pr.send(t, ctrlD)
	pr.expect(t, "eof")
	if code := pr.wait(t); code != 0 {
		t.Fatalf("exit status %d after Ctrl-D", code)
	}
	if text := pr.text(); strings.Contains(text, "panic") || strings.Contains(text, "goroutine") {
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
	pr.send(t, "boom"+tab)
	pr.expect(t, "panic: runtime error: index out of range")
	if code := pr.wait(t); code != 2 {
		t.Fatalf("exit status %d, want 2 (a Go panic)", code)
	}
}
