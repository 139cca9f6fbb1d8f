package shell

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
)

// Error messages. Every line the shell writes to stderr starts with
// "hello-sqlite: ". After it, SQL errors read as in the stock shell:
//
//	hello-sqlite: Parse error near line 2: near "selec": syntax error
//	hello-sqlite: Error near line 4: UNIQUE constraint failed: t.x
//	hello-sqlite: Error in 2nd command line argument: integer overflow
//
// and a parse error is followed by the line at fault with a caret under the
// token, as the stock shell does. Other errors are a plain sentence.

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

// reportError prints err on stderr the way the shell does, with the
// location of the input being run (s.where) for SQL errors.
func (s *shell) reportError(err error) {
	if err == nil {
		return
	}
	var done ReportedError
	if errors.As(err, &done) {
		return
	}
	var ae *dotArgError
	if errors.As(err, &ae) { // 3.53's pointer form, as stock (dot_errors.go)
		fmt.Fprint(s.stderr, ae.report())
		return
	}
	var se *sqlError
	if !errors.As(err, &se) {
		fmt.Fprintf(s.stderr, "hello-sqlite: %s\n", ErrorMessage(err))
		return
	}
	kind := "Error"
	if se.parse {
		kind = "Parse error"
	}
	if s.where != "" {
		kind += " " + s.where
	}
	fmt.Fprintf(s.stderr, "hello-sqlite: %s: %s\n", kind, ErrorMessage(se.err))
	if se.parse {
		var e *sqlite3.Error
		if errors.As(se.err, &e) && e.SQL() != "" && strings.HasSuffix(se.sql, e.SQL()) {
			fmt.Fprint(s.stderr, caret(se.sql, len(se.sql)-len(e.SQL())))
		}
	}
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

// ErrorMessage turns an error into the text after "hello-sqlite: ": for
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
