// Package lineedit is the shell's line editor when stdin and stdout are a
// terminal: it reads one line at a time in raw mode (cursor movement, word
// moves, Ctrl-A/E/K/U/W, Ctrl-L, history with Up/Down and Ctrl-R, tab
// completion, UTF-8 and East Asian widths, lines of any length), keeps the
// history file, and puts the terminal back the way it found it.
//
// It owns: the terminal's mode from New until Close (or Restore), the
// history in memory and its file. It does not own what a line means (the
// shell gathers statements and picks the prompt) nor signals: the caller
// calls Restore from its signal path before it exits.
//
// The editing itself is github.com/peterh/liner (see docs/line-editor.md for
// why). liner works on the process's stdin and stdout (fds 0 and 1), so New
// takes them only to check that they are those and are terminals. What
// liner lacks, bracketed paste, is ours: liner reads a pipe that a pump
// fills from fd 0 (pump.go, paste.go). A panic in liner's Ctrl-R search
// does not end the session (ReadLine, renew.go).
package lineedit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/peterh/liner"
	"golang.org/x/sys/unix"
)

// ErrInterrupt is Ctrl-C at the prompt: the line typed so far is dropped
// (the editor has printed "^C" and a newline); the caller prompts again.
var ErrInterrupt = errors.New("^C")

// Options tune an Editor.
type Options struct {
	// HistoryFile is where history is loaded from and saved to; "" means
	// HistoryPath(os.Getenv). A file that cannot be read or written only
	// means no history across sessions.
	HistoryFile string
	// Complete offers completions for Tab: line is split at pos (a byte
	// offset) into head + word + tail, and each completion replaces word.
	// Nil: Tab completes nothing.
	Complete func(line string, pos int) (head string, completions []string, tail string)
}

// Editor reads lines from a terminal.
type Editor struct {
	state   *liner.State
	pump    *pump
	fd      int
	out     *os.File
	saved   *unix.Termios // the mode before New: what Restore puts back
	history string
	added   bool // history changed since it was loaded

	complete   func(line string, pos int) (string, []string, string) // Options.Complete
	completing bool                                                  // in complete, called by liner's Prompt

	mu sync.Mutex // serialises Restore, which a signal path may call
}

// IsTerminal reports whether f is a terminal.
func IsTerminal(f *os.File) bool {
	_, err := unix.IoctlGetTermios(int(f.Fd()), ioctlGetTermios)
	return err == nil
}

// Supported reports whether TERM names a terminal the editor can drive
// (not unset, "dumb" or "cons25"); else the caller should not use it.
func Supported() bool { return liner.TerminalSupported() }

// HistoryPath is the history file the stock shell uses: $SQLITE_HISTORY if
// set, else ~/.sqlite_history when HOME is set; "" when there is none.
func HistoryPath(getenv func(string) string) string {
	if p := getenv("SQLITE_HISTORY"); p != "" {
		return p
	}
	if home := getenv("HOME"); home != "" {
		return filepath.Join(home, ".sqlite_history")
	}
	return ""
}

// New puts the terminal in raw mode and loads the history. in and out must
// be os.Stdin and os.Stdout, and terminals.
func New(in, out *os.File, opts Options) (*Editor, error) {
	if in.Fd() != 0 || out.Fd() != 1 {
		return nil, fmt.Errorf("lineedit: needs stdin and stdout (fds 0 and 1), got fds %d and %d", in.Fd(), out.Fd())
	}
	saved, err := unix.IoctlGetTermios(0, ioctlGetTermios)
	if err != nil {
		return nil, fmt.Errorf("lineedit: stdin is not a terminal: %w", err)
	}
	if !IsTerminal(out) {
		return nil, errors.New("lineedit: stdout is not a terminal")
	}
	sizeUnknownTerminal(out)
	e := &Editor{fd: 0, out: out, saved: saved, history: opts.HistoryFile, complete: opts.Complete}
	if e.history == "" {
		e.history = HistoryPath(os.Getenv)
	}
	if e.pump, err = newPump(); err != nil {
		return nil, fmt.Errorf("lineedit: %w", err)
	}
	e.newState(e.pump.r)
	if e.history != "" {
		if f, err := os.Open(e.history); err == nil {
			e.state.ReadHistory(f)
			f.Close()
		}
	}
	return e, nil
}

// newState makes the liner State, reading in (the pump's pipe). NewLiner
// takes os.Stdin as its input for good, so in stands in for it only
// around that call.
func (e *Editor) newState(in *os.File) {
	stdin := os.Stdin
	os.Stdin = in
	e.state = liner.NewLiner()
	os.Stdin = stdin
	e.state.SetCtrlCAborts(true)
	e.state.SetMultiLineMode(true) // long lines wrap, as in readline
	e.state.SetTabCompletionStyle(liner.TabPrints)
	if e.complete != nil {
		e.state.SetWordCompleter(func(line string, pos int) (string, []string, string) {
			// completing stays true if complete panics: see prompt.
			e.completing = true
			head, words, tail := e.complete(line, len(string([]rune(line)[:pos]))) // liner counts runes
			e.completing = false
			return head, words, tail
		})
	}
}

// sizeUnknownTerminal gives a terminal of 0 columns the size 80x24. A
// process started by "docker run -it" may see 0x0 until the client sends the
// real size (then SIGWINCH tells liner); liner takes 0 columns for a
// terminal too narrow to edit on and never looks again.
func sizeUnknownTerminal(out *os.File) {
	ws, err := unix.IoctlGetWinsize(int(out.Fd()), unix.TIOCGWINSZ)
	if err != nil || ws.Col != 0 {
		return
	}
	ws.Col = 80
	if ws.Row == 0 {
		ws.Row = 24
	}
	unix.IoctlSetWinsize(int(out.Fd()), unix.TIOCSWINSZ, ws)
}

// ReadLine shows prompt and returns the line typed, without its newline.
// Errors: ErrInterrupt (Ctrl-C), io.EOF (Ctrl-D on an empty line), or a
// read error. Ctrl-D on a line with text deletes the character under the
// cursor, as in readline, and never ends the input. Pasted text is
// inserted as it is (bracketed paste), a pasted line end is Enter.
func (e *Editor) ReadLine(prompt string) (string, error) {
	// liner turns ISIG off only after it has shown the prompt: a Ctrl-C
	// typed as soon as the prompt shows would be a SIGINT, which also
	// flushes the typed line. So off first, and on again after, so that
	// Ctrl-C while the caller runs a statement stays a SIGINT.
	if m, err := unix.IoctlGetTermios(e.fd, ioctlGetTermios); err == nil && m.Lflag&unix.ISIG != 0 {
		m.Lflag &^= unix.ISIG
		unix.IoctlSetTermios(e.fd, ioctlSetTermios, m)
		defer func() {
			if m, err := unix.IoctlGetTermios(e.fd, ioctlGetTermios); err == nil {
				m.Lflag |= unix.ISIG
				unix.IoctlSetTermios(e.fd, ioctlSetTermios, m)
			}
		}()
	}
	e.pump.arm(true)
	e.out.WriteString(pasteOn)
	defer func() {
		e.out.WriteString(pasteOff)
		e.pump.arm(false)
	}()
	line, err := e.prompt(prompt)
	switch {
	case errors.Is(err, liner.ErrPromptAborted):
		return "", ErrInterrupt
	case err != nil:
		return "", err
	}
	return fromLiteral(line), nil
}

// AddHistory records a line for Up and Ctrl-R (blank lines are skipped).
func (e *Editor) AddHistory(line string) {
	if strings.TrimSpace(line) == "" {
		return
	}
	e.state.AppendHistory(line)
	e.added = true
}

// SaveHistory writes the history file, if there is one and lines were
// added. Its error is for information only: history is optional.
func (e *Editor) SaveHistory() error {
	if e.history == "" || !e.added {
		return nil
	}
	f, err := os.OpenFile(e.history, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = e.state.WriteHistory(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		e.added = false
	}
	return err
}

// Restore puts the terminal back in the mode it had before New, and ends
// bracketed paste. It is
// safe to call from another goroutine (a signal handler) while ReadLine
// waits, and more than once.
func (e *Editor) Restore() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.out.WriteString(pasteOff)
	unix.IoctlSetTermios(e.fd, ioctlSetTermios, e.saved)
}

// Close saves the history and restores the terminal. The history error,
// if any, is returned for information; the terminal is restored anyway.
func (e *Editor) Close() error {
	err := e.SaveHistory()
	e.state.Close()
	e.pump.stop()
	e.Restore()
	return err
}
