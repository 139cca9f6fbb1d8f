package main

import (
	"fmt"
	"strings"
)

// errQuit ends the session (.quit, .exit).
var errQuit = fmt.Errorf("quit")

// dotCommand runs one dot-command line, such as ".mode csv".
func (s *shell) dotCommand(line string) error {
	args := strings.Fields(line)
	switch args[0] {
	case ".quit", ".exit":
		return errQuit
	case ".headers":
		s.headers = len(args) > 1 && (args[1] == "on" || args[1] == "1")
		return nil
	}
	return fmt.Errorf("unknown command or invalid arguments:  %q. Enter \".help\" for help", strings.TrimPrefix(args[0], "."))
}
