package shell

import (
	"fmt"
	"strings"

	"github.com/hello-sqlite/hello-sqlite/internal/sqltext"
)

// Dot-commands: lines starting with "." (or SQL arguments that do). The
// line is split into arguments as the stock shell's parseDotCmdArgs does,
// and the command name is matched against dotTable by the stock shell's
// prefix rules, so that abbreviations (".h", ".sch", ".timeo") pick the
// same command in both shells.

// QuitError ends the session: .quit, or .exit with its status.
type QuitError struct{ Status int }

func (e QuitError) Error() string { return fmt.Sprintf("exit %d", e.Status) }

// errQuit is .quit (and .exit 0).
var errQuit = QuitError{0}

// isQuit reports whether err ends the session (.quit or .exit N).
func isQuit(err error) bool {
	_, ok := err.(QuitError)
	return ok
}

// dotCmd is one entry of the dispatch table.
type dotCmd struct {
	name    string   // full name, without the dot
	aliases []string // other spellings matched by the same rule (indices)
	// minLen is the shortest abbreviation accepted; exact means no
	// abbreviation at all. These are the stock shell's n>=N tests.
	minLen int
	exact  bool
	usage  string                       // for .help, e.g. ".dump ?OBJECTS?"
	help   string                       // one line for .help
	run    func(*shell, []string) error // nil: a stock command we do not have
}

// dotTable lists the stock 3.53 shell's dot-commands in the order its
// do_meta_command tests them: the first entry whose rule matches wins. The
// ones hello-sqlite does not implement stay in the table (run == nil) so
// that an abbreviation never picks a different command than in the stock
// shell, and their error says "not supported" rather than "unknown".
var dotTable []dotCmd

func init() {
	dotTable = []dotCmd{
		{name: "auth"},
		{name: "archive", run: dotArchive},
		{name: "backup", aliases: []string{"save"}, minLen: 3, usage: ".backup ?DB? FILE", help: `Back up DB (default "main") to FILE (.save is the same)`, run: dotBackup},
		{name: "bail", minLen: 3, usage: ".bail on|off", help: "Stop after hitting an error.  Default OFF", run: dotBail},
		{name: "binary", minLen: 3},
		{name: "breakpoint", minLen: 3},
		{name: "cd", exact: true},
		{name: "changes", minLen: 3, run: dotChanges},
		{name: "check", minLen: 3},
		{name: "clone", run: dotClone},
		{name: "connection"},
		{name: "crlf", aliases: []string{"crnl"}, minLen: 4},
		{name: "databases", minLen: 2, usage: ".databases", help: "List names and files of attached databases", run: dotDatabases},
		{name: "dbconfig", minLen: 3},
		{name: "dbinfo", minLen: 3},
		{name: "dbtotxt", minLen: 3},
		{name: "diskused", minLen: 8},
		{name: "dump", usage: ".dump ?OPTS? ?OBJECTS?", help: "Render database content as SQL (--data-only --nosys --preserve-rowids)", run: dotDump},
		{name: "echo", usage: ".echo on|off", help: "Turn command echo on or off", run: dotEcho},
		{name: "eqp", run: dotEqp},
		{name: "exit", usage: ".exit ?CODE?", help: "Exit this program with return-code CODE", run: dotExit},
		{name: "explain", run: dotExplain},
		{name: "expert"},
		{name: "filectrl"},
		{name: "fullschema", run: dotFullschema},
		{name: "headers", usage: ".headers on|off", help: "Turn display of headers on or off", run: dotHeadersCmd},
		{name: "help", usage: ".help ?PATTERN?", help: "Show help text for PATTERN", run: dotHelp},
		{name: "import", usage: ".import FILE TABLE", help: "Import data from FILE, from the output of CMD with |CMD, or from the next lines up to LABEL with <<LABEL, into TABLE (--csv --ascii --colsep C --rowsep C --esc C --qesc C --skip N --schema S -v)", run: dotImport},
		{name: "imposter"},
		{name: "indexes", aliases: []string{"indices"}, usage: ".indexes ?PATTERN?", help: "Show names of indexes matching PATTERN (--all --sys --expr)", run: dotIndexes},
		{name: "intck"},
		{name: "limits", minLen: 5, run: dotLimits},
		{name: "lint", minLen: 3, usage: ".lint OPTIONS", help: "Report potential schema issues.", run: dotLint},
		{name: "load"},
		{name: "log", run: dotLog},
		{name: "mode", usage: ".mode ?MODE?", help: "Set output mode", run: dotModeCmd},
		{name: "nonce", exact: true},
		{name: "nullvalue", usage: ".nullvalue STRING", help: "Use STRING in place of NULL values", run: dotNullvalueCmd},
		{name: "open", minLen: 2, usage: ".open ?OPTIONS? ?FILE?", help: "Close existing database and reopen FILE (--new --readonly --hexdb --deserialize)", run: dotOpen},
		{name: "output", aliases: []string{"once"}, usage: ".output ?FILE?", help: "Send output to FILE or stdout if FILE is omitted", run: dotOutput},
		// Only for .help: "once" is matched by the entry above.
		{name: "once", exact: true, usage: ".once ?FILE?", help: "Output for the next SQL command only to FILE", run: dotOutput},
		{name: "excel", exact: true},
		{name: "www", exact: true},
		{name: "parameter", minLen: 3, run: dotParameter},
		{name: "print", minLen: 3, usage: ".print STRING...", help: "Print literal STRING", run: dotPrint},
		{name: "progress", minLen: 3},
		{name: "prompt", run: dotPrompt},
		{name: "quit", usage: ".quit", help: "Stop interpreting input stream, exit if primary.", run: dotQuit},
		{name: "read", minLen: 3, usage: ".read FILE", help: "Read input from FILE", run: dotRead},
		{name: "recover"},
		{name: "restore", minLen: 3, usage: ".restore ?DB? FILE", help: `Restore content of DB (default "main") from FILE`, run: dotRestore},
		{name: "scanstats", aliases: []string{"scanstatus"}},
		{name: "schema", usage: ".schema ?PATTERN?", help: "Show the CREATE statements matching PATTERN (--nosys)", run: dotSchema},
		{name: "selftrace", minLen: 11},
		{name: "session", minLen: 3},
		{name: "selftest", minLen: 4},
		{name: "separator", usage: ".separator COL ?ROW?", help: "Change the column and row separators", run: dotSeparatorCmd},
		{name: "sha3sum", minLen: 4, run: dotSha3sum},
		{name: "shell", aliases: []string{"system"}},
		{name: "show", run: dotShow},
		{name: "stats", run: dotStats},
		{name: "tables", minLen: 2, usage: ".tables ?PATTERN?", help: "List names of tables matching LIKE pattern PATTERN", run: dotTables},
		{name: "testcase", exact: true},
		{name: "testctrl", minLen: 8},
		{name: "timeout", minLen: 5, usage: ".timeout MS", help: "Try opening locked tables for MS milliseconds", run: dotTimeout},
		{name: "timer", minLen: 5, run: dotTimer},
		{name: "trace", run: dotTrace},
		{name: "treetrace", minLen: 9},
		{name: "version"},
		{name: "vfsinfo"},
		{name: "vfslist"},
		{name: "vfsname"},
		{name: "wheretrace"},
		{name: "width", run: dotWidth},
	}
}

// matches reports whether the typed command name arg (without the dot)
// selects c: arg is a prefix of the name (or an alias) at least minLen long.
func (c *dotCmd) matches(arg string) bool {
	for _, name := range append([]string{c.name}, c.aliases...) {
		switch {
		case c.exact:
			if arg == name {
				return true
			}
		case arg != "" && arg[0] == name[0] && len(arg) >= c.minLen && strings.HasPrefix(name, arg):
			return true
		}
	}
	return false
}

// lookupDot returns the table entry the typed name selects, or nil.
func lookupDot(arg string) *dotCmd {
	for i := range dotTable {
		if dotTable[i].matches(arg) {
			return &dotTable[i]
		}
	}
	return nil
}

// dotCommand runs one dot-command line, such as ".mode csv".
func (s *shell) dotCommand(line string) error {
	args, offsets := sqltext.ParseDotArgOffsets(line)
	s.dotLine, s.dotOffsets = line, offsets
	if len(args) == 0 {
		return nil // "." alone: nothing to do, as in the stock shell
	}
	c := lookupDot(args[0])
	if c == nil {
		return unknownDotError(args[0])
	}
	if c.run == nil {
		return fmt.Errorf(".%s is not supported by hello-sqlite (\".help\" lists the dot-commands it has)", c.name)
	}
	// The implementations see the command as typed in args[0], with its dot,
	// except that an alias keeps its own name (.once, .save, .indices).
	name := c.name
	for _, a := range c.aliases {
		if strings.HasPrefix(a, args[0]) && !strings.HasPrefix(c.name, args[0]) {
			name = a
		}
	}
	s.dotTyped = args[0]
	args[0] = "." + name
	s.dotLine = line
	if err := s.safeCheck(name, args); err != nil {
		return err
	}
	return c.run(s, args)
}

// unknownDotError is the stock shell's message for a command it does not
// know.
func unknownDotError(name string) error {
	return fmt.Errorf("unknown command or invalid arguments:  \"%s\". Enter \".help\" for help", name)
}

// dotUsage is a dot-command's usage line, printed as it is:
// "Usage: .bail on|off".
func dotUsage(usage string) error { return plainError("Usage: " + usage) }
