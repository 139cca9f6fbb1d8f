package shell

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
)

// Error messages, as the stock 3.53 shell prints them: SQL errors with
// where they happened,
//
//	Parse error near line 2: near "selec": syntax error
//	Error near line 4: UNIQUE constraint failed: t.x
//	Error in 2nd command line argument: integer overflow
//
// a parse error followed by the line at fault with a caret under the token;
// a dot-command's complaint about one of its arguments in the pointer form
// (argError); usage lines and the messages the stock shell prints bare as
// they are (plainError); anything else as "Error: MESSAGE".

// sqlError is an error from an SQL statement.
type sqlError struct {
	parse bool   // the statement did not compile
	err   error  // from SQLite
	sql   string // the text being compiled (parse errors), for the caret
}

func (e *sqlError) Error() string { return ErrorMessage(e.err) }
func (e *sqlError) Unwrap() error { return e.err }

// ReportedError wraps an error that has already been printed: callers only
// count it (and reportError skips it).
type ReportedError struct{ err error }

func (e ReportedError) Error() string { return e.err.Error() }
func (e ReportedError) Unwrap() error { return e.err }

// plainError is a message printed as it is, without "Error: ": usage
// lines and the messages the stock shell prints bare.
type plainError string

func (e plainError) Error() string { return string(e) }

// argError is a dot-command's complaint about argument arg of the command
// line being run, printed as the stock shell's dotCmdError does, with the
// location of the line (location.prefix):
//
//	line 1: .output FOO BAD
//	line 1:             ^--- surplus argument
//	line 1: DETAIL
//
// With no brief (or arg out of range) only the DETAIL line is printed.
type argError struct {
	arg    int
	brief  string // under the argument: "surplus argument"
	detail string // a line of its own, if any
}

func (e *argError) Error() string {
	switch {
	case e.brief == "":
		return e.detail
	case e.detail == "":
		return e.brief
	}
	return e.brief + ": " + e.detail
}

// badArg is an argError pointing at argument arg.
func badArg(arg int, brief string) error { return &argError{arg: arg, brief: brief} }

// reportError prints err on stderr the way the shell does, with the
// location of the input being run (s.loc).
func (s *shell) reportError(err error) {
	if err == nil {
		return
	}
	var done ReportedError
	if errors.As(err, &done) {
		return
	}
	var ae *argError
	if errors.As(err, &ae) {
		s.reportArgError(ae)
		return
	}
	var pe plainError
	if errors.As(err, &pe) {
		fmt.Fprintln(s.stderr, string(pe))
		return
	}
	var se *sqlError
	if !errors.As(err, &se) {
		fmt.Fprintf(s.stderr, "Error: %s\n", ErrorMessage(err))
		return
	}
	kind := "Error"
	if se.parse {
		kind = "Parse error"
	}
	if near := s.loc.near(); near != "" {
		kind += " " + near
	}
	fmt.Fprintf(s.stderr, "%s: %s\n", kind, ErrorMessage(se.err))
	if se.parse {
		var e *sqlite3.Error
		if errors.As(se.err, &e) && e.SQL() != "" && strings.HasSuffix(se.sql, e.SQL()) {
			fmt.Fprint(s.stderr, caret(se.sql, len(se.sql)-len(e.SQL())))
		}
	}
}

// reportArgError is the stock shell's dotCmdError: the command line, a
// pointer at the argument (from the left, or from the right when the
// argument sits far enough in), then the detail.
func (s *shell) reportArgError(e *argError) {
	loc := s.loc.prefix()
	if e.brief != "" && e.arg >= 0 && e.arg < len(s.dotOffsets) {
		i := s.dotOffsets[e.arg]
		fmt.Fprintf(s.stderr, "%s %s\n", loc, s.dotLine)
		if prompt := len(e.brief) + 5; i > prompt {
			fmt.Fprintf(s.stderr, "%s %*s%s ---^\n", loc, 1+i-prompt, "", e.brief)
		} else {
			fmt.Fprintf(s.stderr, "%s %*s^--- %s\n", loc, i, "", e.brief)
		}
	}
	if e.detail != "" {
		fmt.Fprintf(s.stderr, "%s %s\n", loc, e.detail)
	}
}

// location is where the command being run came from, for error messages.
type location struct {
	line int    // its first line in the input; 0 for a command-line argument
	file string // the .read file, "" for stdin
	arg  int    // argv index of a command-line argument, else 0
	cmd  bool   // arg is a -cmd value
	tty  bool   // typed at the prompt
	// under is the argv index of the command-line dot-command whose .read
	// this input is: the stock shell keeps that argument's "argv[N]:"
	// (its zErrPrefix) for messages from inside the file.
	under int
}

// near is the place SQL errors give: "near line 3", "near line 3 of x.sql",
// "in 2nd command line argument", and nothing at the prompt.
func (l location) near() string {
	switch {
	case l.arg > 0:
		return "in " + ordinal(l.arg) + " command line argument"
	case l.tty:
		return "" // the stock shell gives no line numbers at the prompt
	case l.file == "":
		return fmt.Sprintf("near line %d", l.line)
	}
	return fmt.Sprintf("near line %d of %s", l.line, l.file)
}

// prefix is the stock shell's shellErrorLocation: "argv[2]:", "line 3:" or
// "x.sql:3:"; a -cmd value is "line 0:" there.
func (l location) prefix() string {
	switch {
	case l.under > 0:
		return fmt.Sprintf("argv[%d]:", l.under)
	case l.arg > 0 && l.cmd:
		return "line 0:"
	case l.arg > 0:
		return fmt.Sprintf("argv[%d]:", l.arg)
	case l.file == "":
		return fmt.Sprintf("line %d:", l.line)
	}
	return fmt.Sprintf("%s:%d:", l.file, l.line)
}

// caret shows the line of sql holding byte offset at, and a caret under it,
// both indented by two spaces:
//
//	selec 2;
//	^--- error here
func caret(sql string, at int) string {
	start := strings.LastIndexByte(sql[:at], '\n') + 1
	end := strings.IndexByte(sql[at:], '\n')
	if end < 0 {
		end = len(sql)
	} else {
		end += at
	}
	line, col := sql[start:end], at-start
	const width = 78 // keep long lines readable: a window around the caret
	if col > width-20 {
		line, col = "..."+line[col-(width-40):], width-40+3
	}
	if len(line) > width {
		line = line[:width] + "..."
	}
	line = strings.TrimRight(line, " \t\r")
	return fmt.Sprintf("  %s\n  %s^--- error here\n", line, strings.Repeat(" ", col))
}

// ErrorMessage turns an error into the text of its message: for
// SQLite errors, SQLite's own message (sqlite3_errmsg), as the stock shell
// prints it, without the Go driver's "sqlite3: " and result-code prefixes.
func ErrorMessage(err error) string {
	switch e := err.(type) {
	case *sqlError:
		return ErrorMessage(e.err)
	case ReportedError:
		return ErrorMessage(e.err)
	}
	return engine.ErrorMessage(err)
}

// ordinal spells n as the stock shell does in "2nd command line argument".
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
