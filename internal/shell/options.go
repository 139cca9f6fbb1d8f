package shell

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
	"github.com/hello-sqlite/hello-sqlite/internal/render"
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
	initFile    string   // -init FILE: run before the options take effect
	safe        bool     // -safe: refuse what could touch files or run programs
	unsafeTest  bool     // -unsafe-testing
	nofollow    bool     // -nofollow: refuse a database that is a symbolic link
	screenWidth int      // -screenwidth N: the width --sw auto uses
	stats       bool     // -stats: .stats on
	archive     []string // -A ARGS...: .archive's arguments (dot_archive.go)
}

// stockExit is a command-line error the stock shell reports with its own
// text (msg, lines ending in newlines) and exit status 1.
type stockExit struct{ msg string }

func (e stockExit) Error() string { return strings.TrimSpace(e.msg) }

// argv0 is the program name as invoked, for the stock shell's messages.
// (go test runs the shell in its own binary: then it is "hello-sqlite".)
func argv0() string {
	if len(os.Args) == 0 || strings.HasSuffix(os.Args[0], ".test") {
		return "hello-sqlite"
	}
	return os.Args[0]
}

// UsageError marks errors in our own options (-memory): exit status 2. It
// prints in the stock shell's form, "PROGRAM: Error: MESSAGE" then
// UsageHint. The stock shell's own option errors are stockExit (status 1).
type UsageError struct{ Msg string }

func (e UsageError) Error() string { return e.Msg }

// UsageHint is the stock shell's line after an unknown option.
const UsageHint = "Use -help for a list of options."

// helpText is -help, on stderr as the stock shell's usage(1) (%s is
// the program name): its lines, for the options hello-sqlite has, plus
// -memory.
const helpText = `Usage: %s [OPTIONS] [FILENAME [SQL...]]
FILENAME is the name of an SQLite database. A new database is created
if the file does not previously exist. Defaults to :memory:.
OPTIONS include:
   --                   treat no subsequent arguments as options
   -A ARGS...           run ".archive ARGS" and exit
   -ascii               set output mode to 'ascii'
   -bail                stop after hitting an error
   -batch               force batch I/O
   -box                 set output mode to 'box'
   -cmd COMMAND         run "COMMAND" before reading stdin
   -column              set output mode to 'column'
   -csv                 set output mode to 'csv'
   -echo                print inputs before execution
   -escape T            ctrl-char escape; T is one of: symbol, ascii, off
   -init FILENAME       read/process named file
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
   -nofollow            refuse to open symbolic links to database files
   -noinit              Do not read the ~/.sqliterc file at startup
   -nullvalue TEXT      set text string for NULL values. Default ''
   -psql                set output mode to 'psql'
   -quote               set output mode to 'quote'
   -readonly            open the database read-only
   -safe                enable safe-mode
   -screenwidth N       use N as the default screenwidth 
   -separator SEP       set output column separator. Default: '|'
   -stats               print memory stats before each finalize
   -table               set output mode to 'table'
   -tabs                set output mode to 'tabs'
   -unsafe-testing      allow unsafe commands and modes for testing
   -version             show SQLite version
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
				return "", stockExit{fmt.Sprintf("%s: Error: missing argument to %s\n", argv0(), a)}
			}
			i++
			return args[i], nil
		}
		switch {
		case name == "" || name == "-":
			optsEnded = true
		case strings.HasPrefix(a, "-A"):
			// The rest of the line is .archive's ("-Atf X": "tf", "X").
			o.archive = append([]string{a}, args[i+1:]...)
			if a != "-A" {
				o.archive = append([]string{a, a[2:]}, args[i+1:]...)
			}
			return o, nil
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
		case name == "init":
			v, err := value()
			if err != nil {
				return nil, err
			}
			o.initFile = v
		case name == "escape" && i+1 < len(args):
			i++
			esc, err := escapeOption(args[i])
			if err != nil {
				return nil, err
			}
			o.actions = append(o.actions, func(s *shell) error { s.m.spec.Esc = esc; return nil })
		case name == "screenwidth":
			v, err := value()
			if err != nil {
				return nil, err
			}
			if o.screenWidth = atoiOr(strings.TrimSpace(v), 0); o.screenWidth < 2 {
				return nil, stockExit{"minimum --screenwidth is 2\n"}
			}
		case name == "safe":
			o.safe = true
		case name == "stats":
			o.stats = true
		case name == "unsafe-testing":
			o.unsafeTest = true
		case name == "nofollow":
			o.nofollow = true
		case name == "help":
			o.help = true
		case name == "version":
			o.version = true
		default:
			return nil, stockExit{fmt.Sprintf("%s: Error: unknown option: -%s\nUse -help for a list of options.\n", argv0(), name)}
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
		s.m.setColSep(value)
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

// escapeOption reads -escape T: how control characters are shown (any
// case).
func escapeOption(v string) (render.Esc, error) {
	names := []string{"auto", "off", "ascii", "symbol"}
	for k, n := range names {
		if strings.EqualFold(v, n) {
			return render.Esc(k), nil
		}
	}
	return 0, stockExit{fmt.Sprintf("unknown control character escape mode \"%s\" - choices: %s\n", v, strings.Join(names, " "))}
}

// runInitFile is -init FILE: the file runs as a script before the other
// options; one that cannot be opened is reported, and only stops the
// shell under -bail (the stock shell's process_sqliterc).
func (s *shell) runInitFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		fmt.Fprintf(s.stderr, "cannot open: \"%s\"\n", name)
		if s.bail {
			return QuitError{1}
		}
		return nil
	}
	defer f.Close()
	saved := s.errors // errors in the file do not change the exit status
	err = s.runScript(f, name)
	if s.bail && s.errors > saved {
		return QuitError{1}
	}
	s.errors = saved
	if err != nil && !isQuit(err) && !s.bail {
		if ie := s.interruption(err); ie != nil {
			return ie
		}
		return nil // reported and counted by the script
	}
	return err
}

// runCmdOption runs a -cmd COMMAND. As in the stock shell its errors are
// reported but only count (exit status 1) under -bail.
func (s *shell) runCmdOption(c cmdArg) error {
	where := location{arg: c.pos, cmd: true}
	err := s.runCommand(nil, where, func() error { return s.runArg(c.text) })
	if err == nil || isQuit(err) {
		return err
	}
	if ie := s.interruption(err); ie != nil {
		return ie
	}
	s.reportError(err)
	var ns noScriptError // its data would be on stdin: stop before reading it
	if s.bail || errors.As(err, &ns) {
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
	if se, ok := err.(stockExit); ok {
		fmt.Fprint(s.stderr, se.msg)
		return ReportedError{err}
	}
	if err != nil {
		return err
	}
	if o.help { // on stderr, status 0, as the stock shell
		_, err := fmt.Fprintf(s.stderr, helpText, argv0())
		return err
	}
	if o.version {
		return printVersion(s.stdout, s.version)
	}
	if s.memoryLimit, err = engine.MemoryLimitFromEnv(); err != nil {
		return UsageError{Msg: err.Error()}
	}
	if o.memory != "" {
		if s.memoryLimit, err = engine.ParseMemoryLimit(o.memory); err != nil {
			return UsageError{Msg: "-memory: " + err.Error()}
		}
	}
	s.bail, s.echo, s.readonly, s.batch = o.bail, o.echo, o.readonly, o.batch
	s.safe, s.safePersist, s.unsafeTesting, s.nofollow = o.safe, o.safe, o.unsafeTest, o.nofollow
	s.screenWidth = o.screenWidth
	if o.stats {
		s.ported.stats = statsOn // as .stats on (dot_stats.go)
	}
	// The stock 3.53 default: on a terminal (stdin read interactively, or
	// stdout) the rounded qbox with limits, relaxed quoting, the terminal's
	// width and JSONB shown as JSON; otherwise list mode.
	stdinTTY := len(o.sql) == 0 && term.IsTerminal(s.stdin)
	if !o.batch && (stdinTTY || term.IsTerminalFile(s.stdout)) {
		s.m.change(modeTTY)
	}
	if o.file == "" {
		o.file = ":memory:" // options but no FILENAME: the stock shell's default
	}
	if o.archive != nil && arIsZip(o.file) {
		return errors.New(arZipError + o.file)
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

	if o.initFile != "" {
		if err := s.runInitFile(o.initFile); err != nil {
			return s.finish(err)
		}
	}
	for _, a := range o.actions {
		if err := a(s); err != nil {
			return s.finish(err)
		}
	}
	s.interactive = len(o.sql) == 0 && (o.interactive || !s.batch && term.IsTerminal(s.stdin))
	switch {
	case o.archive != nil: // stdin is not read; the status is 0, as stock's
		if len(o.sql) > 0 {
			return s.stockError("Error: cannot mix regular SQL or dot-commands with \"%s\"", o.archive[0])
		}
		s.reportError(dotArchive(s, o.archive))
		if s.safeViolation != "" {
			return QuitError{1} // -safe refused a function (realpath, writefile): status 1 as stock
		}
	case len(o.sql) > 0: // stdin is not read
		for _, c := range o.sql {
			where := location{arg: c.pos}
			s.echoInput(c.text) // -cmd values are not echoed, arguments are
			err := s.runCommand(nil, where, func() error { return s.runArg(c.text) })
			if err != nil {
				return s.finish(err)
			}
		}
	case s.interactive:
		err = s.runInteractive()
	default:
		s.hintIfNoInput()
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
