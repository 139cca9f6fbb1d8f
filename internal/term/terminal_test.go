package term

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"
)

func TestIsTerminal(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for name, in := range map[string]io.Reader{"pipe": r, "buffer": strings.NewReader("")} {
		if IsTerminal(in) {
			t.Errorf("%s: IsTerminal = true", name)
		}
	}
}

func TestPrompt(t *testing.T) {
	var out bytes.Buffer
	buf := bufio.NewWriter(&out)
	tt := &Terminal{Out: buf}
	for _, c := range []struct {
		continued bool
		want      string
	}{{false, "sqlite> "}, {true, "sqlite>    ...> "}} {
		tt.Prompt(c.continued)
		if out.String() != c.want { // flushed: the prompt shows before the input is read
			t.Errorf("Prompt(%v): output %q, want %q", c.continued, out.String(), c.want)
		}
	}
	tt.Interrupted()
	buf.Flush()
	if !strings.HasSuffix(out.String(), "\n") {
		t.Errorf("Interrupted did not end the line: %q", out.String())
	}
}

// With the line editor the prompts go to it, flushed output first, and
// Ctrl-C's newline is the editor's.
func TestPromptToEditor(t *testing.T) {
	var out bytes.Buffer
	buf := bufio.NewWriter(&out)
	buf.WriteString("1\n") // a result not flushed yet
	ask := make(chan string, 1)
	tt := &Terminal{Out: buf, Ask: ask}
	for _, c := range []struct {
		continued bool
		want      string
	}{{false, "sqlite> "}, {true, "   ...> "}} {
		tt.Prompt(c.continued)
		if got := <-ask; got != c.want {
			t.Errorf("Prompt(%v) asked the editor for %q, want %q", c.continued, got, c.want)
		}
		if out.String() != "1\n" {
			t.Errorf("Prompt(%v): output %q, want the pending result flushed and no prompt", c.continued, out.String())
		}
	}
	tt.Interrupted()
	buf.Flush()
	if out.String() != "1\n" {
		t.Errorf("Interrupted wrote %q with the editor", out.String())
	}
}

func TestOnInterrupt(t *testing.T) {
	tt := &Terminal{Idle: make(chan struct{}, 1)}
	tt.OnInterrupt() // no statement runs: the input is interrupted
	select {
	case <-tt.Idle:
	default:
		t.Fatal("Ctrl-C at the prompt did not signal Idle")
	}
	tt.OnInterrupt()
	tt.OnInterrupt() // a second one while the first is pending is dropped, not blocking
	<-tt.Idle

	ctx, cancel := context.WithCancel(context.Background())
	tt.SetCancel(cancel)
	tt.OnInterrupt() // a statement runs: it is interrupted, the input is not
	if ctx.Err() == nil {
		t.Error("Ctrl-C did not cancel the running statement")
	}
	select {
	case <-tt.Idle:
		t.Error("Ctrl-C during a statement also signalled Idle")
	default:
	}
	tt.SetCancel(nil)
}

// Prompts set (.prompt) replace the defaults; an unset one keeps its default.
func TestPromptsHook(t *testing.T) {
	var out bytes.Buffer
	tt := &Terminal{Out: &out, Prompts: func(continued bool) (string, bool) {
		if continued {
			return "", false
		}
		return "A> ", true
	}}
	tt.Prompt(false)
	tt.Prompt(true)
	if want := "A>    ...> "; out.String() != want {
		t.Errorf("prompts: %q, want %q", out.String(), want)
	}
}
