package shell

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/hello-sqlite/hello-sqlite/internal/sqltext"
)

// TestReportError holds the forms of the stock 3.53 shell's messages (the
// wanted texts are its output for the same input).
func TestReportError(t *testing.T) {
	cases := []struct {
		name string
		loc  location
		line string // the dot-command being run
		err  error
		want string
	}{
		{"surplus argument", location{line: 1}, ".output FOO BAD", badArg(2, "surplus argument"),
			"line 1: .output FOO BAD\nline 1:             ^--- surplus argument\n"},
		{"pointer from the right", location{line: 1}, ".output aaaaaaaaaaaaaaaaaaaaaaa BAD", badArg(2, "surplus argument"),
			"line 1: .output aaaaaaaaaaaaaaaaaaaaaaa BAD\nline 1:             surplus argument ---^\n"},
		{"quoted argument, detail", location{line: 1}, `.mode "insert FOO`,
			&argError{arg: 1, brief: "unknown mode", detail: `Use ".help .mode" for more info`},
			"line 1: .mode \"insert FOO\nline 1:        ^--- unknown mode\nline 1: Use \".help .mode\" for more info\n"},
		{"in a .read file", location{line: 3, file: "t2.sql"}, ".mode bogus",
			&argError{arg: 1, brief: "unknown mode", detail: `Use ".help .mode" for more info`},
			"t2.sql:3: .mode bogus\nt2.sql:3:       ^--- unknown mode\nt2.sql:3: Use \".help .mode\" for more info\n"},
		{"command-line argument", location{arg: 3}, ".mode test", badArg(1, "unknown mode"),
			"argv[3]: .mode test\nargv[3]:       ^--- unknown mode\n"},
		{"detail only", location{line: 2}, ".import FOO t1", &argError{arg: -1, detail: `cannot open "FOO"`},
			"line 2: cannot open \"FOO\"\n"},
		{"no such argument: detail only", location{line: 2}, ".import", &argError{arg: 5, brief: "x", detail: "Missing FILE argument\n"},
			"line 2: Missing FILE argument\n\n"},
		{"usage line, bare", location{line: 1}, ".bail", dotUsage(".bail on|off"), "Usage: .bail on|off\n"},
		{"own message", location{line: 1}, ".foo", unknownDotError("foo"),
			"Error: unknown command or invalid arguments:  \"foo\". Enter \".help\" for help\n"},
		{"already reported", location{line: 1}, ".foo", ReportedError{errors.New("x")}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stderr bytes.Buffer
			s := newShell(context.Background(), nil, nil, &stderr)
			s.loc = c.loc
			_, s.dotOffsets = sqltext.ParseDotArgOffsets(c.line)
			s.dotLine = c.line
			s.reportError(c.err)
			if got := stderr.String(); got != c.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, c.want)
			}
		})
	}
}

func TestLocation(t *testing.T) {
	cases := []struct {
		loc          location
		near, prefix string
	}{
		{location{line: 3}, "near line 3", "line 3:"},
		{location{line: 3, file: "x.sql"}, "near line 3 of x.sql", "x.sql:3:"},
		{location{arg: 2}, "in 2nd command line argument", "argv[2]:"},
		{location{line: 4, tty: true}, "", "line 4:"},
		{location{arg: 2, cmd: true}, "in 2nd command line argument", "line 0:"},         // -cmd
		{location{line: 5, file: "s.sql", under: 2}, "near line 5 of s.sql", "argv[2]:"}, // .read s.sql as an argument
	}
	for _, c := range cases {
		if near, prefix := c.loc.near(), c.loc.prefix(); near != c.near || prefix != c.prefix {
			t.Errorf("%+v: near %q prefix %q, want %q %q", c.loc, near, prefix, c.near, c.prefix)
		}
	}
}
