package shell

import (
	"errors"
	"os"

	"github.com/hello-sqlite/hello-sqlite/internal/completion"
	"github.com/hello-sqlite/hello-sqlite/internal/lineedit"
)

// The line editor at the prompt (internal/lineedit) when stdin and stdout
// are the process's terminal and TERM is not dumb. A goroutine reads each
// line when the loop asks for it with the prompt to show, so that the loop
// can still wait for a line and for a signal at once (next). Tab's names
// come from the loop's goroutine too: the connection is used by one
// goroutine only.

// completionRequest asks the loop for the names Tab completes.
type completionRequest struct{ reply chan []string }

// openEditor returns the line editor for the session's terminal, or nil
// when there is none (not both terminals, TERM dumb or unset, not fds 0
// and 1): then the terminal's own line discipline edits, as before.
func (s *shell) openEditor(names chan completionRequest) *lineedit.Editor {
	in, ok1 := s.stdin.(*os.File)
	out, ok2 := s.stdout.(*os.File)
	if !ok1 || !ok2 || !lineedit.Supported() || !lineedit.IsTerminal(in) || !lineedit.IsTerminal(out) {
		return nil
	}
	complete := func(line string, pos int) (string, []string, string) {
		return completion.Complete(line, pos, s.askNames(names))
	}
	ed, err := lineedit.New(in, out, lineedit.Options{Complete: complete})
	if err != nil {
		return nil
	}
	return ed
}

// askNames runs on the reader goroutine (Tab) and gets the names from the
// loop, which waits in next meanwhile.
func (s *shell) askNames(names chan completionRequest) []string {
	req := completionRequest{reply: make(chan []string, 1)}
	select {
	case names <- req:
		return <-req.reply
	case <-s.ctx.Done():
		return nil
	}
}

// completionNames runs completion.NamesQuery; errors just mean no names.
func (s *shell) completionNames() []string {
	if s.db == nil {
		return nil
	}
	stmt, _, err := s.db.Prepare(completion.NamesQuery)
	if err != nil || stmt == nil {
		return nil
	}
	defer stmt.Close()
	var names []string
	for stmt.Step() {
		names = append(names, stmt.ColumnText(0))
	}
	return names
}

// newEditorReader reads lines with ed: each prompt sent on lr.ask shows
// it and reads one line, added to the history. Ctrl-C at the prompt comes
// as errIdleInterrupt, Ctrl-D on an empty line as io.EOF.
func newEditorReader(ed *lineedit.Editor, names chan completionRequest) *lineReader {
	lr := &lineReader{lines: make(chan inputLine), stop: make(chan struct{}), ask: make(chan string, 1), names: names}
	go func() {
		defer close(lr.lines)
		for {
			var prompt string
			select {
			case prompt = <-lr.ask:
			case <-lr.stop:
				return
			}
			text, err := ed.ReadLine(prompt)
			in := inputLine{text: text + "\n"}
			switch {
			case errors.Is(err, lineedit.ErrInterrupt):
				in = inputLine{err: errIdleInterrupt}
			case err != nil:
				in = inputLine{err: err}
			default:
				ed.AddHistory(text)
			}
			select {
			case lr.lines <- in:
			case <-lr.stop:
				return
			}
			if err != nil && in.err != errIdleInterrupt {
				return
			}
		}
	}()
	return lr
}
