package syscmd

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestRunStatus(t *testing.T) {
	for cmd, want := range map[string]int{"true": 0, "exit 3": 3, "kill -9 $$": 137} {
		got, err := Run(cmd)
		if err != nil || got != want {
			t.Errorf("Run(%q) = %d, %v; want %d", cmd, got, err, want)
		}
	}
}

func TestOutput(t *testing.T) {
	p, err := Output(`printf 'a\nb'; echo to-stderr >&2; exit 2`)
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(p)
	if string(out) != "a\nb" || err != nil {
		t.Errorf("output %q, %v", out, err)
	}
	if st := p.Close(); st != 2 {
		t.Errorf("status %d, want 2", st)
	}
}

// Input's command reads what is written, sees its end at Close, and is
// waited for: its output is complete when Close returns.
func TestInput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	p, err := Input("tr a-z A-Z >" + out + "; exit 4")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"one\n", "two\n"} {
		if n, err := p.Write([]byte(s)); n != len(s) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", s, n, err)
		}
	}
	if st := p.Close(); st != 4 {
		t.Errorf("status %d, want 4", st)
	}
	if b, err := os.ReadFile(out); string(b) != "ONE\nTWO\n" {
		t.Errorf("command wrote %q, %v", b, err)
	}
}

// Writing to a command that does not read is dropped, not an error: a
// write bigger than the pipe blocks until the command ends, then EPIPE.
func TestInputNotRead(t *testing.T) {
	p, err := Input("exit 0")
	if err != nil {
		t.Fatal(err)
	}
	big := make([]byte, 1<<20)
	for i := 0; i < 2; i++ {
		if n, err := p.Write(big); n != len(big) || err != nil {
			t.Errorf("Write = %d, %v", n, err)
		}
	}
	if !p.gone {
		t.Error("EPIPE not seen")
	}
	if st := p.Close(); st != 0 {
		t.Errorf("status %d", st)
	}
}

// A command that still writes when its reader stops must end, not block
// Close (the reader interrupted by Ctrl-C, or a failed import).
func TestCloseEndsWriter(t *testing.T) {
	p, err := Output("yes")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Read(make([]byte, 10)); err != nil {
		t.Fatal(err)
	}
	done := make(chan int)
	go func() { done <- p.Close() }()
	select {
	case st := <-done:
		if st != 128+13 { // SIGPIPE
			t.Errorf("status %d, want 141", st)
		}
	case <-time.After(time.Minute):
		t.Fatal("Close blocked on a writing command")
	}
}

// Without a shell (the one-file image) both fail with "not found".
func TestNoShell(t *testing.T) {
	defer func(s string) { shell = s }(shell)
	shell = "/nonexistent/sh"
	if _, err := Run("true"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Run: %v", err)
	}
	if _, err := Output("true"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Output: %v", err)
	}
	if _, err := Input("true"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Input: %v", err)
	}
}
