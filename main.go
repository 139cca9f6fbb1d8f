// Hello-sqlite is SQLite in one static file: a demo, and a small shell
// compatible with the stock sqlite3 command-line shell.
//
// Usage:
//
//	hello-sqlite
//	hello-sqlite [OPTIONS] [FILENAME [SQL...]]
//
// With no arguments, when stdin is a terminal or gives nothing (/dev/null,
// an empty file or pipe: "nix run", "docker run IMAGE"), it stores the
// numbers 1 to 10 in an in-memory table and prints their sum, 55.
// Otherwise ("hello-sqlite < script.sql") it is the shell with no
// FILENAME: the script from stdin runs on an in-memory database.
//
// With arguments it is a shell. FILENAME is a database file (created when
// missing), :memory:, or a file: URI (file:data.db?mode=ro); without it
// (options only, or "--") the database is in memory. Each SQL
// argument runs in order and may hold several statements; an argument
// starting with "." is a dot-command. With SQL arguments stdin is not read,
// and the first argument that fails stops the run (status 1). Without them
// the shell reads SQL and dot-commands from stdin: a statement runs when a
// line ends it with ";" (outside strings, quoted names, comments and CREATE
// TRIGGER bodies); a last statement without ";" runs at the end of the
// input. A script goes on after an error and exits with status 1 at the
// end; with -bail it stops at the first error and rolls back an open
// transaction. When stdin is a terminal the shell prompts ("sqlite> ",
// "   ...> " for a statement's next lines) and, when stdout is the terminal
// too, edits lines (arrows, Home/End, Ctrl-A/E/K/U/W, Ctrl-L, history with
// Up/Down and Ctrl-R kept in $SQLITE_HISTORY or ~/.sqlite_history, Tab
// completion of keywords, tables and columns); Ctrl-D on an empty line
// leaves, Ctrl-C drops the line at the prompt and interrupts the running
// statement. With no SQL argument and /dev/null as stdin (docker run
// without -i) a one-line hint goes to stderr. When stdin (read
// interactively) or stdout is a terminal, the output starts, as in the
// stock 3.53 shell, in ".mode qbox --limits on --quote relaxed --sw auto
// --textjsonb on": a rounded box with column names, NULL shown, values cut
// at 300 characters and 5 lines, the table fitted to the terminal's width;
// otherwise in list mode.
//
// Options (one or two leading dashes, anywhere on the line; "--" ends them):
//
//	-bail              stop at the first error
//	-batch             no prompts even when stdin is a terminal
//	-cmd COMMAND       run COMMAND (SQL or a dot-command) before the rest
//	-list -csv -json -line -table -box -markdown -column -quote -tabs
//	-html -ascii -psql: the output mode
//	-header, -noheader column names on or off
//	-escape T          control characters: ascii (^G, the default), symbol, off
//	-init FILE         run FILE first (reported if it cannot be opened)
//	-safe              refuse .read, .output, .import, ATTACH, ... (status 1)
//	-nofollow          refuse a database that is a symbolic link
//	-screenwidth N     the width .mode --sw auto uses off a terminal
//	-separator SEP     column separator (list mode; default "|")
//	-newline SEP       row separator (default "\n")
//	-nullvalue TEXT    text shown for NULL (default empty)
//	-readonly          open the database read-only
//	-echo              print each command before running it
//	-interactive       prompts even when stdin is not a terminal
//	-memory MB         SQLite's memory limit (see below)
//	-version           SQLite's version and source id, then hello-sqlite's
//	-help              the options
//
// Dot-commands: .help .quit .exit .mode .headers .separator .nullvalue
// .tables .schema .indexes .dump .read .import (csv, --skip N, --esc and
// --qesc C, "|CMD" run by /bin/sh) .output .once .backup .restore .open
// .databases .timeout .bail .echo; .read "|CMD" and .output/.once |CMD
// run CMD by /bin/sh too (reading its output, writing to its input)
// .parameter (and :name @name $name ?N bound from it) .changes .timer
// .eqp .explain .width .show .stats .limits .trace .log .prompt .lint
// .fullschema .sha3sum .clone (".help" lists them with their arguments).
// ".open --hexdb ?FILE?" loads a dbtotxt hex dump (from FILE, or from the
// script's next lines up to "| end") into an in-memory database, and
// ".open --deserialize FILE" an in-memory copy of a database file.
//
// Examples:
//
//	hello-sqlite data.db 'CREATE TABLE t(x)' 'INSERT INTO t VALUES (1),(2)'
//	hello-sqlite -csv -header data.db 'SELECT * FROM t' > t.csv
//	hello-sqlite -json data.db 'SELECT * FROM t'
//	hello-sqlite data.db .dump > backup.sql
//	hello-sqlite restored.db < backup.sql
//	hello-sqlite -bail data.db < migration.sql
//	hello-sqlite < script.sql            # in memory
//	hello-sqlite -readonly 'file:data.db?immutable=1' 'SELECT count(*) FROM t'
//	docker run --rm -v "$PWD:/data" IMAGE /data/app.db .tables
//
// Exit status: 0 when all went well; 1 when a command failed (the message is
// on stderr), an unknown option or a missing option value included, as in
// the stock shell; 2 for a bad -memory or HELLO_SQLITE_MEMORY;
// 130 after SIGINT, 143 after SIGTERM and 131 after SIGQUIT, which
// interrupt the running statement within a second (SQLite rolls it back; the database stays
// sound), also when the shell runs as PID 1 in a container.
//
// Messages on stderr read as the stock shell's: SQL errors with their place
// ("Parse error near line 3: ...", "Error in 2nd command line argument:
// ..."), usage lines bare, dot-command argument errors in the 3.53 pointer
// form ("line 1: .mode FOO" / "line 1:       ^--- unknown mode"), command
// line errors as "hello-sqlite: Error: ...", and the rest as "Error: ...".
//
// Containers and limits:
//
//   - Temp files (temp tables, big sorts, CREATE INDEX, VACUUM) go to
//     $SQLITE_TMPDIR, $TMPDIR or /tmp, the first that works; in a scratch
//     image with none of them, to the database file's folder; failing that,
//     into memory.
//   - A locked database is retried for 5 s (the busy timeout; .timeout MS
//     changes it) instead of failing at once as the stock shell does.
//   - SQLite may use 256 MB of memory per connection; "out of memory" says
//     so. Raise it (up to 4096) with -memory MB or HELLO_SQLITE_MEMORY=MB.
//
// Differences from the stock shell (the README has the full list):
// foreign keys are enforced and double-quoted strings are identifiers
// (SQLite as built by the Go driver), no load_extension; -help goes to
// stderr with status 0, as stock; a FILENAME that is a
// text file is an error (the stock 3.53 shell runs it as a script); the
// database is opened (and an empty file created) at start; a busy database
// is waited for 5 s; with no arguments and no input it runs the demo;
// .open --hexdb/--deserialize check the image at once (stock: at the first
// statement); there is no ~/.sqliterc or bracketed paste; -append,
// -deserialize, -maxsize, -zip, -A, -vfs and the memory-tuning options of
// the stock shell are unknown options here.
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
	"github.com/hello-sqlite/hello-sqlite/internal/shell"
	"github.com/hello-sqlite/hello-sqlite/internal/term"
)

func main() {
	args, stdin, isDemo := os.Args[1:], io.Reader(os.Stdin), false
	if len(args) == 0 {
		stdin, isDemo = noArgsInput(stdin)
	}
	ctx, stop := context.Background(), func() {}
	if !isDemo { // the demo ends in milliseconds: it skips the signal set-up (a thread) to start faster
		ctx, stop = engine.SignalContext(ctx)
	}
	err := run(ctx, args, stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode prints err (if any, and not printed yet) and picks the exit
// status: 0 ok, 1 error, 2 usage, 128+N after signal N.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ue shell.UsageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "hello-sqlite: Error: %s\n", ue.Msg)
		fmt.Fprintln(stderr, shell.UsageHint)
		return 2
	}
	var ie engine.InterruptError
	if errors.As(err, &ie) {
		fmt.Fprintf(stderr, "Error: %s\n", ie)
		return ie.ExitStatus()
	}
	var quit shell.QuitError
	if errors.As(err, &quit) {
		return quit.Status
	}
	var done shell.ReportedError
	if !errors.As(err, &done) {
		fmt.Fprintf(stderr, "Error: %s\n", shell.ErrorMessage(err))
	}
	return 1
}

// run is the whole program minus the process: the demo without arguments
// and without input (noArgsInput), else the shell. It never panics: a
// panic becomes an error.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = engine.PanicError(r, engine.DefaultMemoryLimit)
		}
	}()
	if len(args) == 0 {
		var isDemo bool
		if stdin, isDemo = noArgsInput(stdin); isDemo {
			return demo(stdout)
		}
	}
	if f, ok := stdout.(*os.File); ok && !term.IsTerminal(f) {
		// Buffer output to pipes and files as C's stdio does; prompts
		// flush it (see internal/term).
		buf := bufio.NewWriterSize(stdout, 64<<10)
		defer func() {
			if ferr := buf.Flush(); ferr != nil && err == nil {
				err = fmt.Errorf("writing output: %w", ferr)
			}
		}()
		stdout = buf
	}
	return shell.Run(ctx, version, args, stdin, stdout, stderr)
}
