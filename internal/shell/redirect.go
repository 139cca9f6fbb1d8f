package shell

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// .output and .once: sending results to a file instead of stdout.

// dotState is what the dot-commands remember between commands. It lives
// beside the shell (keyed by it) rather than in it because shell.go has
// another owner; one field there could replace the map.
type dotState struct {
	outFile  *os.File      // the file .output/.once opened, or nil
	outBuf   *bufio.Writer // buffers outFile; flushed after every command
	onceLeft int           // commands until a .once file is closed
	readings int           // nesting depth of .read
}

// dot returns s's dot-command state.
func (s *shell) dot() *dotState { return &s.dots }

// dotOutput is .output ?FILE? and .once ?FILE?. Without FILE (or with
// "stdout") output goes back to stdout; "off" discards it. The file is
// truncated. .once lasts for the next command only. Pipes ("|cmd"), .excel
// and the stock shell's display options (-e -x -w --bom) are not supported:
// the image has no shell and no viewer.
func dotOutput(s *shell, args []string) error {
	once := args[0] == ".once"
	file := ""
	for i, a := range args[1:] {
		switch {
		case strings.HasPrefix(a, "-") && stockOutputOption(a):
			return fmt.Errorf("%s %s is not supported by hello-sqlite (no display or pipe options)", args[0], a)
		case strings.HasPrefix(a, "-"):
			return badArg(i+1, "unknown option")
		case file != "":
			return badArg(i+1, "surplus argument")
		default:
			file = a
		}
	}
	if strings.HasPrefix(file, "|") {
		return fmt.Errorf("%s: pipes are not supported by hello-sqlite", args[0])
	}
	s.resetOutput()
	d := s.dot()
	switch file {
	case "", "stdout":
		return nil
	case "off":
		file = os.DevNull
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		// The stock shell's two lines: its file opener's, then .output's.
		return plainError(`Error: cannot open "` + file + `"` + "\n" + `Error: cannot write to "` + file + `"`)
	}
	d.outFile, d.outBuf = f, bufio.NewWriterSize(f, 64<<10)
	s.out = d.outBuf
	if once {
		d.onceLeft = 2 // this command, then the next one
	}
	return nil
}

// afterCommand is called by the input loop after each command (statement
// or dot-command). It flushes a redirection file, so that nothing is lost
// when the shell exits, and ends a .once redirection after the command
// that followed it.
func (s *shell) afterCommand() {
	d := s.dot()
	if d.outBuf != nil {
		d.outBuf.Flush()
	}
	if d.onceLeft > 0 {
		d.onceLeft--
		if d.onceLeft == 0 {
			s.resetOutput()
		}
	}
}

// resetOutput closes a redirection file and sends output to stdout again.
func (s *shell) resetOutput() {
	d := s.dot()
	if d.outFile != nil {
		d.outBuf.Flush()
		d.outFile.Close()
		d.outFile, d.outBuf = nil, nil
	}
	d.onceLeft = 0
	s.out = s.stdout
}

// stockOutputOption reports whether a is one of the stock shell's .output
// and .once options, which hello-sqlite does not have.
func stockOutputOption(a string) bool {
	switch strings.TrimPrefix(a[1:], "-") {
	case "bom", "plain", "e", "x", "w", "keep", "show", "error-prefix":
		return true
	}
	return false
}
