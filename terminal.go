package main

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
// stdout are both the terminal, the line editor (editor.go) reads the
// lines; else (or with TERM=dumb) the terminal's own line discipline edits
// them. Ctrl-D at an empty prompt leaves. Ctrl-C interrupts the running
// statement (SQLite rolls it back) or drops a half-typed one, and the shell
// goes on; errors never end the session, even with -bail, as in the stock
// shell.

const (
	mainPrompt     = "sqlite> "
	continuePrompt = "   ...> "
)

// isTerminal reports whether r is a terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

// terminal is the state of the interactive loop.
type terminal struct {
	out  io.Writer
	idle chan struct{} // Ctrl-C while waiting for input
	echo bool          // -interactive on a pipe: show the lines read after the prompt, as the stock shell does
	ask  chan<- string // with the line editor: prompts go to it instead of out

	mu     sync.Mutex
	cancel context.CancelFunc // interrupts the running statement, if any
}

func (t *terminal) prompt(continued bool) {
	p := mainPrompt
	if continued {
		p = continuePrompt
	}
	if t.ask == nil {
		fmt.Fprint(t.out, p)
	}
	if f, ok := t.out.(interface{ Flush() error }); ok {
		f.Flush() // output is buffered when stdout is not a terminal
	}
	if t.ask != nil {
		t.ask <- p
	}
}

// interrupted ends the prompt line after Ctrl-C at the prompt (the line
// editor has shown "^C" and a newline itself).
func (t *terminal) interrupted() {
	if t.ask == nil {
		fmt.Fprintln(t.out)
	}
}

// onInterrupt is the SIGINT hook: interrupt the statement, else the input.
func (t *terminal) onInterrupt() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cancel != nil {
		t.cancel()
		return
	}
	select {
	case t.idle <- struct{}{}:
	default:
	}
}

// statement gives the connection a context of its own for one command, so
// that Ctrl-C interrupts it; the returned function restores the session's.
func (t *terminal) statement(s *shell) (done func()) {
	ctx, cancel := context.WithCancel(s.ctx)
	if s.db != nil {
		s.db.SetInterrupt(ctx)
	}
	t.mu.Lock()
	t.cancel = cancel
	t.mu.Unlock()
	return func() {
		t.mu.Lock()
		t.cancel = nil
		t.mu.Unlock()
		cancel()
		if s.db != nil { // maybe a new one (.open)
			s.db.SetInterrupt(s.ctx)
		}
	}
}

// runInteractive is the read-eval-print loop on a terminal.
func (s *shell) runInteractive() error {
	t := &terminal{out: s.stdout, idle: make(chan struct{}, 1), echo: !isTerminal(s.stdin)}
	if setInterruptHook(s.ctx, t.onInterrupt) {
		defer setInterruptHook(s.ctx, nil)
	}
	v, _ := s.sqliteVersion()
	fmt.Fprintf(s.stdout, "SQLite version %s %.19s (hello-sqlite %s)\nEnter \".help\" for usage hints.\n",
		v.version, v.sourceID, version)
	var lr *lineReader
	names := make(chan completionRequest)
	if ed := s.openEditor(names); ed != nil {
		// Ctrl-C at the prompt reaches the editor as a key (it drops the
		// line); the terminal's SIGINT only comes while a statement runs.
		t.idle = nil
		lr = newEditorReader(ed, names)
		t.ask = lr.ask
		setRestoreHook(s.ctx, ed.Restore)
		defer func() {
			setRestoreHook(s.ctx, nil)
			ed.Close() // history errors only mean no history next time
		}()
	} else {
		lr = newLineReader(s.stdin)
	}
	defer lr.close()
	err := s.readLoop(lr, "", t)
	if err == nil {
		fmt.Fprintln(s.stdout) // Ctrl-D: end the prompt line
	}
	return err
}
