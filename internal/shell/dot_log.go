package shell

import (
	"fmt"

	"github.com/ncruces/go-sqlite3"
)

// .log FILE|on|off: send SQLite's error log (sqlite3_log, SQL's sqlite_log)
// to FILE, stdout ("on"), stderr, or nowhere, one "(CODE) MESSAGE" line each.
func dotLog(s *shell, args []string) error {
	if len(args) != 2 {
		return s.stockError("Usage: .log FILENAME")
	}
	file := args[1]
	if file == "on" {
		file = "stdout"
	}
	if s.ported.logClose != nil {
		s.ported.logClose()
	}
	s.ported.logOut, s.ported.logClose = s.openOutputFile(file)
	return s.installLog()
}

// installLog sets the log callback of the current connection (again after
// .open) from the .log setting.
func (s *shell) installLog() error {
	w := s.ported.logOut
	if w == nil {
		return s.db.ConfigLog(nil)
	}
	return s.db.ConfigLog(func(code sqlite3.ExtendedErrorCode, msg string) {
		fmt.Fprintf(w, "(%d) %s\n", int(code), msg)
	})
}
