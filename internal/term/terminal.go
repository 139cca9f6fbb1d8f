package term

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"

	"golang.org/x/sys/unix"
)

// Interactive mode: stdin is a terminal and -batch was not given. The
// shell prints the stock shell's banner and prompts ("sqlite> ", and
// "   ...> " while a statement is incomplete) on stdout. When stdin and
// stdout are both the terminal, the line editor (internal/lineedit, wired in
// internal/shell/editor.go) reads the lines and shows the prompts; else (or
// with TERM=dumb) the terminal's own line discipline edits them. Ctrl-D at
// an empty prompt leaves. Ctrl-C interrupts the running statement (SQLite
// rolls it back) or drops a half-typed one, and the shell goes on; errors
// never end the session, even with -bail, as in the stock shell.

const (
	mainPrompt     = "sqlite> "
	continuePrompt = "   ...> "
)

// IsTerminal reports whether r is a terminal.
func IsTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

// Terminal is the state of the interactive loop.
type Terminal struct {
	Out  io.Writer
	Idle chan struct{} // Ctrl-C while waiting for input
	Echo bool          // -interactive on a pipe: show the lines read after the prompt, as the stock shell does
	// Prompts, if set, returns the prompt to print (.prompt); "", false
	// keeps the default.
	Prompts func(continued bool) (string, bool)
	Ask     chan<- string // with the line editor: the prompt goes to it (it shows it and reads the line) instead of Out

	mu     sync.Mutex
	cancel context.CancelFunc // interrupts the running statement, if any
}

// Prompt prints the main prompt, or the continuation prompt while a
// statement is incomplete, and flushes the output.
func (t *Terminal) Prompt(continued bool) {
	p := mainPrompt
	if continued {
		p = continuePrompt
	}
	if custom, ok := t.prompt(continued); ok {
		p = custom
	}
	if t.Ask == nil {
		fmt.Fprint(t.Out, p)
	}
	if f, ok := t.Out.(interface{ Flush() error }); ok {
		f.Flush() // output is buffered when stdout is not a terminal
	}
	if t.Ask != nil {
		t.Ask <- p
	}
}

// prompt is the prompt set with Prompts, if any.
func (t *Terminal) prompt(continued bool) (string, bool) {
	if t.Prompts == nil {
		return "", false
	}
	return t.Prompts(continued)
}

// Interrupted ends the prompt line after Ctrl-C at the prompt (the line
// editor has shown "^C" and a newline itself).
func (t *Terminal) Interrupted() {
	if t.Ask == nil {
		fmt.Fprintln(t.Out)
	}
}

// OnInterrupt is the SIGINT hook: interrupt the statement, else the input.
func (t *Terminal) OnInterrupt() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cancel != nil {
		t.cancel()
		return
	}
	select {
	case t.Idle <- struct{}{}:
	default:
	}
}

// SetCancel records how to interrupt the running statement (nil: none
// runs), for OnInterrupt.
func (t *Terminal) SetCancel(cancel context.CancelFunc) {
	t.mu.Lock()
	t.cancel = cancel
	t.mu.Unlock()
}
