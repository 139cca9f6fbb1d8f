package main

import (
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// runShell parses the command line like the stock shell, opens the database
// and runs the SQL arguments, or the script on stdin.
func runShell(s *shell, args []string) error {
	var file string
	var cmds []string
	for _, a := range args {
		switch {
		case file == "" && !strings.HasPrefix(a, "-"):
			file = a
		case strings.HasPrefix(a, "-"):
			switch strings.TrimLeft(a, "-") {
			case "header", "headers":
				s.headers = true
			default:
				return usageError{"unknown option: " + a}
			}
		default:
			cmds = append(cmds, a)
		}
	}
	db, err := sqlite3.Open(file)
	if err != nil {
		return err
	}
	defer db.Close()
	s.db, s.dbName = db, file
	for _, c := range cmds {
		if strings.HasPrefix(c, ".") {
			err = s.dotCommand(c)
		} else {
			err = s.runSQL(c)
		}
		if err == errQuit {
			return nil
		}
		if err != nil {
			return err
		}
	}
	return nil
}
