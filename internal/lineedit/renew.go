package lineedit

import (
	"bufio"
	"bytes"
	"runtime"
)

// liner v1.2.3's Ctrl-R search takes the byte offset of a match
// (strings.Index in getHistoryByPattern) for a rune position: with
// multi-byte text before the match in a history line it slices past the
// line and panics. We do not fork liner, so that panic is caught here and
// the session goes on: the line is dropped, as with Ctrl-C, and liner is
// started afresh.

// prompt is liner's Prompt with its own panics caught (ErrInterrupt then).
// Only a runtime error raised in liner is caught: a panic in our
// completer, which liner calls, is ours and goes on.
func (e *Editor) prompt(p string) (line string, err error) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if _, ok := v.(runtime.Error); !ok || e.completing {
			panic(v)
		}
		e.out.WriteString("\a\r\n") // the bell; the next prompt on a line of its own
		line, err = "", ErrInterrupt
		if rerr := e.renew(); rerr != nil {
			err = rerr
		}
	}()
	return e.state.Prompt(p)
}

// renew replaces the State whose Prompt panicked. That Prompt's reader
// goroutine is still reading the State's input (the pump's pipe), and a
// new Prompt would start another on the same buffered reader: so the pump
// moves to a new pipe (the old one ends, and the orphan with it), and a
// new State, set up as New does, reads that one, with the old history.
func (e *Editor) renew() error {
	r, err := e.pump.renew()
	if err != nil {
		return err
	}
	var history bytes.Buffer
	e.state.WriteHistory(&history)
	e.state.Close() // the mode before New; NewLiner takes it as its own again
	e.newState(r)
	// A buffer the size of the history: liner's own (4 KB) would stop at a
	// longer line.
	e.state.ReadHistory(bufio.NewReaderSize(&history, history.Len()+1))
	return nil
}
