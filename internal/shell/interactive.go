package shell

import (
	"context"
	"fmt"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
	"github.com/hello-sqlite/hello-sqlite/internal/term"
)

// statement gives the connection a context of its own for one command, so
// that Ctrl-C interrupts it; the returned function restores the session's.
func (s *shell) statement(t *term.Terminal) (done func()) {
	ctx, cancel := context.WithCancel(s.ctx)
	if s.db != nil {
		s.db.SetInterrupt(ctx)
	}
	t.SetCancel(cancel)
	return func() {
		t.SetCancel(nil)
		cancel()
		if s.db != nil { // maybe a new one (.open)
			s.db.SetInterrupt(s.ctx)
		}
	}
}

// runInteractive is the read-eval-print loop on a terminal.
func (s *shell) runInteractive() error {
	t := &term.Terminal{Out: s.stdout, Idle: make(chan struct{}, 1), Echo: !term.IsTerminal(s.stdin)}
	t.Prompts = s.prompt
	if engine.SetInterruptHook(s.ctx, t.OnInterrupt) {
		defer engine.SetInterruptHook(s.ctx, nil)
	}
	v, _ := s.sqliteVersion()
	fmt.Fprintf(s.stdout, "SQLite version %s %.19s (hello-sqlite %s)\nEnter \".help\" for usage hints.\n",
		v.version, v.sourceID, s.version)
	var lr *lineReader
	names := make(chan completionRequest)
	if ed := s.openEditor(names); ed != nil {
		// Ctrl-C at the prompt reaches the editor as a key (it drops the
		// line); the terminal's SIGINT only comes while a statement runs.
		t.Idle = nil
		lr = newEditorReader(ed, names)
		t.Ask = lr.ask
		engine.SetRestoreHook(s.ctx, ed.Restore)
		defer func() {
			engine.SetRestoreHook(s.ctx, nil)
			ed.Close() // a history error only means no history next time
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
