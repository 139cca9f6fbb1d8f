package shell

import (
	"fmt"
	"io"
	"strings"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
	"github.com/hello-sqlite/hello-sqlite/internal/term"
)

// The command line: hello-sqlite [OPTIONS] FILENAME [SQL...], parsed like
// the stock shell's main(): options may come anywhere, with one or two
// dashes; "--" (or "-") ends them; the first other argument is FILENAME, the
// rest are SQL or dot-commands. Options take effect in the order given
// (-csv -separator ';' differs from -separator ';' -csv), after the
// database is open; -cmd runs its command at its place in that order.

// cmdArg is an SQL argument (or -cmd value) and its place in os.Args, for
// error messages ("in 3rd command line argument").
type cmdArg struct {
	text string
	pos  int
}

// options is the parsed command line.
type options struct {
	file        string
	sql         []cmdArg
	actions     []func(s *shell) error // output settings and -cmd, in order
	help        bool
	version     bool
	interactive bool // -interactive: prompts even when stdin is not a terminal
	bail        bool
	echo        bool
	readonly    bool
	batch       bool
	memory      string
}

// UsageError marks errors in the command line: exit status 2.
type UsageError struct{ Msg string }

func (e UsageError) Error() string { return e.Msg }

// UsageLine is printed after a usage error.
const UsageLine = "usage: hello-sqlite [OPTIONS] FILENAME [SQL...]  (hello-sqlite -help for more)"

// helpText is -help (on stdout, status 0).
const helpText = `Usage: hello-sqlite [OPTIONS] FILENAME [SQL...]
       hello-sqlite                (no arguments: the demo, prints 55)

FILENAME is a database file (created if missing), :memory:, or a file: URI.
Each SQL argument runs in order (an argument starting with "." is a
dot-command); without SQL arguments, SQL and dot-commands are read from
stdin (with prompts when stdin is a terminal).

OPTIONS (one or two dashes; "--" ends them):
   -ascii               set output mode to 'ascii'
   -bail                stop after hitting an error
   -batch               force batch I/O (no prompts)
   -box                 set output mode to 'box'
   -cmd COMMAND         run "COMMAND" before reading stdin
   -column              set output mode to 'column'
   -csv                 set output mode to 'csv'
   -echo                print inputs before execution
   -[no]header          turn headers on or off
   -help                show this message
   -html                set output mode to HTML
   -interactive         force interactive I/O
   -json                set output mode to 'json'
   -line                set output mode to 'line'
   -list                set output mode to 'list'
   -markdown            set output mode to 'markdown'
   -memory MB           SQLite memory limit (default 256, at most 4096;
                        also HELLO_SQLITE_MEMORY=MB)
   -newline SEP         set output row separator. Default: '\n'
   -nullvalue TEXT      set text string for NULL values. Default ''
   -psql                set output mode to 'psql'
   -quote               set output mode to 'quote'
   -readonly            open the database read-only
   -separator SEP       set output column separator. Default: '|'
   -table               set output mode to 'table'
   -tabs                set output mode to 'tabs'
   -version             show SQLite version and hello-sqlite version

Enter ".help" in the shell for the dot-commands.
`

// modeOptions are the options that set an output mode of the same name.
var modeOptions = map[string]bool{
	"list": true, "csv": true, "json": true, "line": true, "table": true, "box": true,
	"markdown": true, "column": true, "quote": true, "tabs": true, "html": true, "ascii": true, "psql": true,
}

// parseOptions reads the command line (without the program name).
func parseOptions(args []string) (*options, error) {
	o := &options{}
	optsEnded := false
	haveFile := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		if optsEnded || !strings.HasPrefix(a, "-") {
			if !haveFile {
				o.file, haveFile = a, true
			} else {
				o.sql = append(o.sql, cmdArg{a, i + 1})
			}
			continue
		}
		name := strings.TrimPrefix(a, "-")
		if strings.HasPrefix(name, "-") {
			name = name[1:]
		}
		// value returns the option's argument.
		value := func() (string, error) {
			if i+1 >= len(args) {
				return "", UsageError{"missing argument to " + a}
			}
			i++
			return args[i], nil
		}
		switch {
		case name == "" || name == "-":
			optsEnded = true
		case modeOptions[name]:
			mode := name
			o.actions = append(o.actions, func(s *shell) error { return s.setMode(mode) })
		case name == "header" || name == "noheader":
			on := name == "header"
			o.actions = append(o.actions, func(s *shell) error { s.setHeaders(on); return nil })
		case name == "separator" || name == "newline" || name == "nullvalue":
			v, err := value()
			if err != nil {
				return nil, err
			}
			o.actions = append(o.actions, func(s *shell) error { return s.applyOption(name, v) })
		case name == "cmd":
			v, err := value()
			if err != nil {
				return nil, err
			}
			c := cmdArg{v, i + 1}
			o.actions = append(o.actions, func(s *shell) error { return s.runCmdOption(c) })
		case name == "memory":
			v, err := value()
			if err != nil {
				return nil, err
			}
			o.memory = v
		case name == "bail":
			o.bail = true
		case name == "echo":
			o.echo = true
		case name == "readonly":
			o.readonly = true
		case name == "batch":
			o.batch = true
		case name == "interactive":
			o.interactive = true
		case name == "noinit": // there is no ~/.sqliterc to skip
		case name == "help":
			o.help = true
		case name == "version":
			o.version = true
		default:
			return nil, UsageError{"unknown option: " + a}
		}
	}
	return o, nil
}

// applyOption sets -separator, -newline or -nullvalue through the output
// dot-commands (dot_output.go). Their values are taken as given (no
// backslash escapes), as the stock shell does.
func (s *shell) applyOption(name, value string) error {
	switch name {
	case "separator":
		s.m.spec.ColSep = value
	case "newline":
		s.m.spec.RowSep = value
	default:
		s.m.spec.Null = value
	}
	return nil
}

// setMode is -csv, -json, ...: the mode's defaults (modeChange).
func (s *shell) setMode(mode string) error {
	s.m.change(findMode(mode))
	return nil
}

// runCmdOption runs a -cmd COMMAND. As in the stock shell its errors are
// reported but only count (exit status 1) under -bail.
func (s *shell) runCmdOption(c cmdArg) error {
	where := "in " + ordinal(c.pos) + " command line argument"
	err := s.runCommand(nil, where, func() error { return s.runArg(c.text) })
	if err == nil || isQuit(err) {
		return err
	}
	if ie := s.interruption(err); ie != nil {
		return ie
	}
	s.reportError(err)
	if s.bail {
		return ReportedError{err}
	}
	return nil
}

// runArg runs one SQL argument or dot-command argument.
func (s *shell) runArg(text string) error {
	if strings.HasPrefix(text, ".") {
		return s.dotCommand(text)
	}
	return s.runSQL(text)
}

// runShell parses the command line, opens the database and runs the SQL
// arguments, or the script on stdin, or the interactive loop.
func runShell(s *shell, args []string) (err error) {
	o, err := parseOptions(args)
	if err != nil {
		return err
	}
	if o.help {
		_, err := io.WriteString(s.stdout, helpText)
		return err
	}
	if o.version {
		return printVersion(s.stdout, s.version)
	}
	if s.memoryLimit, err = engine.MemoryLimitFromEnv(); err != nil {
		return UsageError{err.Error()}
	}
	if o.memory != "" {
		if s.memoryLimit, err = engine.ParseMemoryLimit(o.memory); err != nil {
			return UsageError{"-memory: " + err.Error()}
		}
	}
	s.bail, s.echo, s.readonly, s.batch = o.bail, o.echo, o.readonly, o.batch
	if o.file == "" {
		o.file = ":memory:" // options but no FILENAME: the stock shell's default
	}
	if err := s.openDB(o.file); err != nil {
		return err
	}
	defer func() {
		if s.db != nil {
			if !s.db.GetAutocommit() {
				s.guard(func() error { return s.db.Exec(`ROLLBACK`) })
			}
			s.db.Close()
		}
	}()

	for _, a := range o.actions {
		if err := a(s); err != nil {
			return s.finish(err)
		}
	}
	s.interactive = len(o.sql) == 0 && (o.interactive || !s.batch && term.IsTerminal(s.stdin))
	switch {
	case len(o.sql) > 0: // stdin is not read
		for _, c := range o.sql {
			where := "in " + ordinal(c.pos) + " command line argument"
			s.echoInput(c.text) // -cmd values are not echoed, arguments are
			err := s.runCommand(nil, where, func() error { return s.runArg(c.text) })
			if err != nil {
				return s.finish(err)
			}
		}
	case s.interactive:
		err = s.runInteractive()
	default:
		err = s.runScript(s.stdin, "")
	}
	return s.finish(err)
}

// finish turns the end of the session into runShell's result: nil when all
// went well (or .quit), errFailed when errors were reported, else err.
func (s *shell) finish(err error) error {
	if ie := s.interruption(err); ie != nil {
		return ie
	}
	switch err.(type) {
	case nil:
	case ReportedError:
		s.errors++
	default:
		if err == errQuit {
			break
		}
		if isQuit(err) { // .exit N: its status, whatever came before
			return err
		}
		s.errors++
		s.reportError(err)
	}
	if s.errors > 0 {
		return errFailed
	}
	return nil
}

// errFailed ends a session that reported errors: status 1, nothing more
// to print.
var errFailed = ReportedError{fmt.Errorf("errors were reported")}
