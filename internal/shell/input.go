package shell

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
	"github.com/hello-sqlite/hello-sqlite/internal/sqltext"
	"github.com/hello-sqlite/hello-sqlite/internal/term"
)

// Reading scripts: stdin, .read files, and the interactive loop. Lines are
// gathered until they end a statement (sqltext.Completer), the way the
// stock shell's process_input() does:
//   - a line starting with '.' when no statement is pending is a
//     dot-command; one starting with '#' is a comment;
//   - lines holding only white space or comments are skipped;
//   - a line that is just "go" or "/" ends the pending statement (the stock
//     shell's SQL Server / Oracle habit);
//   - a last statement without ';' runs at the end of the input;
//   - after an error the script goes on (the exit status will be 1), unless
//     -bail / .bail on, which stops it at the first error.

// maxInputNesting bounds .read inside .read, as in the stock shell (a file
// that reads itself would otherwise recurse until the stack overflows).
const maxInputNesting = 25

// inputLine is one line read by a lineReader, or the error that ended it.
type inputLine struct {
	text string
	err  error // io.EOF at the end
}

// lineReader reads lines in a goroutine, so that the shell can wait for a
// line and for a signal at once (a blocked read cannot be cancelled).
type lineReader struct {
	lines chan inputLine
	stop  chan struct{}
	ask   chan string            // with the line editor: the prompt for the next line (editor.go)
	names chan completionRequest // with the line editor: Tab wants the database's names
}

func newLineReader(r io.Reader) *lineReader {
	lr := &lineReader{lines: make(chan inputLine, 64), stop: make(chan struct{})}
	go func() {
		defer close(lr.lines)
		br := bufio.NewReaderSize(r, 64<<10)
		for {
			text, err := br.ReadString('\n')
			// The stock shell drops the CR of a CRLF line end, even inside
			// a string literal.
			if strings.HasSuffix(text, "\r\n") {
				text = text[:len(text)-2] + "\n"
			}
			if text != "" {
				select {
				case lr.lines <- inputLine{text: text}:
				case <-lr.stop:
					return
				}
			}
			if err != nil {
				select {
				case lr.lines <- inputLine{err: err}:
				case <-lr.stop:
				}
				return
			}
		}
	}()
	return lr
}

// close stops the goroutine (if it is not blocked in a read).
func (lr *lineReader) close() { close(lr.stop) }

// errIdleInterrupt is Ctrl-C while waiting for input in interactive mode.
var errIdleInterrupt = errors.New("^C")

// next returns the next line without its newline; ok is false at the end of
// the input. It returns early with the run's cause when a signal stops the
// run, and with errIdleInterrupt when idle is ready (interactive Ctrl-C).
func (s *shell) next(lr *lineReader, idle <-chan struct{}) (line string, ok bool, err error) {
	for {
		select {
		case req := <-lr.names: // Tab in the line editor
			req.reply <- s.completionNames()
			continue
		case in, open := <-lr.lines:
			return s.nextLine(in, open)
		case <-s.ctx.Done():
			return "", false, s.interruption(nil)
		case <-idle:
			return "", true, errIdleInterrupt
		}
	}
}

// nextLine is next for one line read.
func (s *shell) nextLine(in inputLine, open bool) (line string, ok bool, err error) {
	switch {
	case !open || in.err == io.EOF:
		return "", false, nil
	case in.err == errIdleInterrupt: // Ctrl-C in the line editor
		return "", true, errIdleInterrupt
	case in.err != nil:
		return "", false, fmt.Errorf("reading input: %w", in.err)
	}
	return strings.TrimSuffix(in.text, "\n"), true, nil
}

// runScript runs the statements and dot-commands read from r. name is ""
// for stdin, else the file name used in error messages. It returns nil when
// the input ran to its end (errors are counted in s.errors), errQuit on
// .quit, the first error (already reported) when bail stops it, or the
// cause of an interrupt.
func (s *shell) runScript(r io.Reader, name string) error {
	if s.depth >= maxInputNesting {
		return inputNestingError(name, maxInputNesting, s.loc.line)
	}
	s.depth++
	defer func() { s.depth-- }()
	lr := newLineReader(r)
	defer lr.close()
	return s.readLoop(lr, name, nil)
}

// readLoop is runScript's loop; the interactive loop passes prompt hooks.
func (s *shell) readLoop(lr *lineReader, name string, tty *term.Terminal) error {
	var pending strings.Builder // the statement read so far
	var comp sqltext.Completer  // sqltext.Complete's scanner over pending, fed line by line
	start := 0                  // first line of the pending statement
	under := s.loc.under        // a .read from a command-line argument keeps its prefix
	if s.loc.arg > 0 && !s.loc.cmd {
		under = s.loc.arg
	}
	where := func() location { return location{line: start, file: name, tty: tty != nil, under: under} }
	var idle <-chan struct{}
	if tty != nil {
		idle = tty.Idle
	}
	// .import <<LABEL reads its data from here (inline.go); src.lineno
	// counts the lines read, its own included.
	src := &scriptSource{lr: lr, name: name, idle: idle, tty: tty}
	saved := s.source
	s.source = src
	defer func() { s.source = saved }()
	// stop says whether a command's error ends the loop (see afterError);
	// at the prompt, errors never do.
	stop := func(err error) error {
		err = s.afterError(err)
		var done ReportedError
		if tty != nil && errors.As(err, &done) {
			return nil
		}
		return err
	}
	for {
		if tty != nil {
			tty.Prompt(pending.Len() > 0)
		}
		line, ok, err := s.next(lr, idle)
		if err == errIdleInterrupt {
			tty.Interrupted()
			pending.Reset()
			continue
		}
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		if tty != nil && tty.Echo {
			fmt.Fprintln(tty.Out, line)
		}
		src.lineno++
		if sqltext.IsTerminatorLine(line) { // also alone: then it is an empty statement
			c := comp
			if pending.Len() == 0 {
				c = sqltext.Completer{}
			}
			if c.Feed(";"); c.Complete() {
				line = ";"
			}
		}
		if pending.Len() == 0 {
			if sqltext.Blank(line) {
				s.echoInput(line)
				continue
			}
			if line[0] == '.' || line[0] == '#' {
				s.echoInput(line)
				if line[0] == '#' {
					continue
				}
				start = src.lineno
				err := s.runCommand(tty, where(), func() error { return s.dotCommand(strings.TrimRight(line, " \t\r")) })
				if isQuit(err) {
					return err
				}
				if err := stop(err); err != nil {
					return err
				}
				continue
			}
			start = src.lineno
			line = strings.TrimLeft(line, " \t\r\n\f")
			pending.WriteString(line)
			comp = sqltext.Completer{}
		} else {
			pending.WriteByte('\n')
			pending.WriteString(line)
		}
		comp.Feed(line)
		comp.Feed("\n")
		switch {
		case comp.Complete():
			sql := pending.String()
			pending.Reset()
			s.echoInput(sql)
			err := s.runCommand(tty, where(), func() error { return s.runSQL(sql) })
			if err := stop(err); err != nil {
				return err
			}
		case comp.Blank():
			s.echoInput(pending.String())
			pending.Reset()
		}
	}
	if sql := pending.String(); sql != "" && !sqltext.Blank(sql) {
		// A last statement without ';' (maybe incomplete: SQLite says so).
		s.echoInput(sql)
		err := s.runCommand(tty, where(), func() error { return s.runSQL(sql) })
		if err := stop(err); err != nil {
			return err
		}
	}
	return nil
}

// afterError reports and counts err, the result of one command; it returns
// what must stop the script: the error itself under bail (as a
// ReportedError), or an interrupt.
func (s *shell) afterError(err error) error {
	if err == nil {
		return nil
	}
	var ie engine.InterruptError
	if errors.As(err, &ie) || isQuit(err) { // safe mode ends the session from SQL too
		return err
	}
	s.errors++
	s.reportError(err)
	if s.bail {
		return ReportedError{err}
	}
	return nil
}

// runCommand runs one statement or dot-command: with s.loc set to its
// location (runSQL prints SQL errors with it), with Ctrl-C interrupting only
// it in interactive mode, and calls afterCommand (which ends a .once
// redirection) when done, and reports its error (see below).
func (s *shell) runCommand(tty *term.Terminal, where location, fn func() error) error {
	saved := s.loc
	s.loc = where
	defer func() { s.loc = saved }()
	if tty != nil {
		defer s.statement(tty)()
	}
	err := s.guard(fn)
	if a, ok := any(s).(interface{ afterCommand() }); ok {
		a.afterCommand()
	}
	// Report here, while s.loc still says where the command came from (the
	// pointer-style messages start with it); callers only count.
	var done ReportedError
	if err != nil && !isQuit(err) && s.interruption(err) == nil && !errors.As(err, &done) {
		s.reportError(err)
		err = ReportedError{err}
	}
	return err
}

// echoInput prints a command before it runs when -echo / .echo on.
func (s *shell) echoInput(text string) {
	if s.echo {
		fmt.Fprintln(s.out, text)
	}
}
