package shell

import (
	"fmt"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/sqltext"
)

// Safe mode (-safe), as the stock shell's: dot-commands that could read or
// write files or run programs, ATTACH, opening a database file and the SQL
// functions that touch files are refused, and the first attempt ends the
// shell at once with status 1 after "LOCATION: cannot ... in safe mode".

// safeRefused are the dot-commands safe mode refuses whatever their
// arguments (.open only for a file, see safeCheck).
var safeRefused = map[string]bool{
	"archive": true, "backup": true, "save": true, "cd": true, "clone": true, "excel": true,
	"import": true, "load": true, "once": true, "output": true, "read": true, "restore": true,
	"shell": true, "system": true,
}

// safeFunctions are the SQL functions safe mode refuses.
var safeFunctions = []string{"edit", "fts3_tokenizer", "load_extension", "readfile", "realpath",
	"writefile", "zipfile", "zipfile_cds"}

// failSafe ends the session as the stock shell's failIfSafeMode does.
func (s *shell) failSafe(format string, args ...any) error {
	fmt.Fprintf(s.stderr, "%s %s\n", s.loc.prefix(), fmt.Sprintf(format, args...))
	return QuitError{1}
}

// safeCheck refuses dot-command name (args as parsed) in safe mode.
func (s *shell) safeCheck(name string, args []string) error {
	if !s.safe {
		return nil
	}
	typed := name
	if a := sqltext.ParseDotArgs(s.dotLine); len(a) > 0 {
		typed = a[0]
	}
	if safeRefused[name] {
		if name == "import" || name == "archive" {
			return s.failSafe("cannot run .%s in safe mode", name) // stock's text, not as typed
		}
		return s.failSafe("cannot run .%s in safe mode", typed)
	}
	if name == "open" {
		refuse, named := false, false
		for _, a := range args[1:] {
			if dotOptionMatch(a, "hexdb") { // reads FILE, opens no file
				return nil
			}
			if !named && !strings.HasPrefix(a, "-") {
				refuse, named = a != ":memory:", true
			}
		}
		if refuse {
			return s.failSafe("cannot open disk-based database files in safe mode")
		}
	}
	return nil
}

// setSafeAuthorizer refuses ATTACH and the file functions on db; the
// refusal is noted in s.safeViolation for runSQL to end the session.
func (s *shell) setSafeAuthorizer(db *sqlite3.Conn) error {
	return db.SetAuthorizer(func(action sqlite3.AuthorizerActionCode, name3rd, name4th, schema, inner string) sqlite3.AuthorizerReturnCode {
		switch action {
		case sqlite3.AUTH_ATTACH:
			s.safeViolation = "cannot run ATTACH in safe mode"
			return sqlite3.AUTH_DENY
		case sqlite3.AUTH_FUNCTION:
			for _, f := range safeFunctions {
				if strings.EqualFold(name4th, f) {
					s.safeViolation = fmt.Sprintf("cannot use the %s() function in safe mode", f)
					return sqlite3.AUTH_DENY
				}
			}
		}
		return sqlite3.AUTH_OK
	})
}

// safeViolated ends the session if the last statement broke safe mode.
func (s *shell) safeViolated() error {
	if s.safeViolation == "" {
		return nil
	}
	msg := s.safeViolation
	s.safeViolation = ""
	loc := s.loc.prefix()
	if strings.HasPrefix(loc, "argv[") {
		loc = "line 0:" // SQL arguments have no location in the stock shell
	}
	fmt.Fprintf(s.stderr, "%s %s\n", loc, msg)
	return QuitError{1}
}
