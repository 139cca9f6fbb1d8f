package shell

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
)

// shell is one session of the sqlite3-compatible shell: the open database,
// the output settings that dot-commands change, and where text goes.
type shell struct {
	ctx    context.Context // cancelled (with an engine.InterruptError cause) by SIGINT/SIGTERM
	db     *sqlite3.Conn
	dbName string // as given on the command line or to .open

	stdin  io.Reader
	stdout io.Writer // the process's standard output
	stderr io.Writer
	out    io.Writer // current output: stdout, or a file from .output/.once

	// output settings (.mode, .headers, .separator, .nullvalue; dot_output.go)
	m         modeState
	modePrior *modeState // the settings before .mode --once, restored after the next SQL

	bail        bool // stop at the first error
	echo        bool // print each command before running it
	readonly    bool
	batch       bool // -batch: not interactive even on a terminal
	safe        bool // -safe: refuse what could touch files or run programs (safe.go)
	safePersist bool // safe holds for the session (.nonce lifts it for one command)
	nofollow    bool // -nofollow: refuse a database that is a symbolic link
	screenWidth int  // -screenwidth N: the width --sw auto uses (0: the terminal's)
	// unsafeTesting is -unsafe-testing: the stock shell's testing features
	unsafeTesting bool
	safeViolation string // what the safe-mode authorizer refused (safe.go)
	interactive   bool   // reading from a terminal: prompts, Ctrl-C interrupts a statement only

	busyTimeout time.Duration // how long a busy database is retried (.timeout); see engine.Open
	memoryLimit int64         // bytes of memory SQLite may use per connection; see engine.Guard

	// loc is the location of the input being run, for error messages;
	// dotLine and dotOffsets are the dot-command line being run and where
	// its arguments start (for argError).
	loc        location
	dotLine    string
	dotOffsets []int

	errors int // errors seen so far; the exit status is 1 if any

	dots  dotState // .output/.once files and .read depth (redirect.go)
	depth int      // runScript nesting (.read inside .read)

	restore  restoreState  // loading a dump into an empty database (restore.go)
	source   *scriptSource // the script being read, for .import <<LABEL (input.go)
	dotTyped string        // the name of the running dot-command as typed (stock's azArg[0])
	ported   dotExtras     // state of the dot-commands ported from the stock shell (dot_state.go)

	version string // the program's version, for -version and the banner
}

// Run is the shell: it parses args (the command line without the program
// name), opens the database and runs the SQL arguments, or the script on
// stdin, or the interactive loop. version is the program's own version,
// for -version and the banner. The error, if any, says how the session
// ended (see the package comment).
func Run(ctx context.Context, version string, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	s := newShell(ctx, stdin, stdout, stderr)
	s.version = version
	defer s.resetOutput() // an .output pipe: its command ends before we do, as at stock's exit
	return runShell(s, args)
}

// newShell returns a shell with the stock shell's defaults.
func newShell(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer) *shell {
	s := &shell{
		ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, out: stdout,
		busyTimeout: engine.DefaultBusyTimeout,
		memoryLimit: engine.DefaultMemoryLimit,
	}
	s.m.change(modeBatch)
	return s
}

// runSQL prepares and runs each statement of sql in turn, printing the rows
// of those that return any. Errors are printed here, where the failing
// statement is known (see reportError), and returned wrapped in
// ReportedError so that callers only count them. As in the stock shell, a
// statement that does not compile stops the rest of sql, while one that
// fails as it runs does not: the next statements still run.
// An interrupt (SIGINT/SIGTERM, Ctrl-C) is returned unprinted.
func (s *shell) runSQL(sql string) error {
	defer s.popMode() // .mode --once lasts for one SQL input
	t := s.beginTimer()
	err := s.execSQL(sql)
	s.endTimer(t)
	if err == nil && s.ported.changes {
		s.printChanges()
	}
	return err
}

// execSQL is runSQL without .timer and .changes.
func (s *shell) execSQL(sql string) error {
	if i := strings.IndexByte(sql, 0); i >= 0 {
		sql = sql[:i] // SQLite reads C strings: nothing after a NUL byte counts
	}
	text := sql
	var failed error
	for {
		sql = strings.TrimLeft(sql, " \t\r\n\f;")
		if sql == "" {
			if failed == nil {
				failed = s.autoDetectRestore(text) // restore.go
			}
			return failed
		}
		var stmt *sqlite3.Stmt
		var tail string
		err := s.guard(func() (err error) {
			stmt, tail, err = s.db.Prepare(sql)
			return err
		})
		if err != nil {
			if ierr := s.interruption(err); ierr != nil {
				return ierr
			}
			if serr := s.safeViolated(); serr != nil {
				return serr
			}
			s.reportError(&sqlError{parse: true, err: err, sql: sql})
			return ReportedError{err}
		}
		if stmt == nil { // only a comment or white space
			sql = tail
			continue
		}
		s.ported.running, s.ported.runningText = stmt, sql[:len(sql)-len(tail)]
		s.bindParameters(stmt)
		err = s.guard(func() error {
			// The plan is an extra: a plan that cannot be shown (its own
			// EXPLAIN statement failing) does not stop the statement.
			_ = s.printEQP(stmt)
			err := s.printStatement(stmt)
			if s.ported.stats != statsOff {
				s.displayStats(stmt)
			}
			return err
		})
		if cerr := s.guard(stmt.Close); err == nil {
			err = cerr
		}
		if err != nil {
			if ierr := s.interruption(err); ierr != nil {
				return ierr
			}
			s.reportError(&sqlError{err: err})
			failed = ReportedError{err}
		}
		sql = tail
	}
}
