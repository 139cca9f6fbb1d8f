package shell

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hello-sqlite/hello-sqlite/internal/syscmd"
)

// .output and .once: sending results to a file instead of stdout.

// dotState is what the dot-commands remember between commands. It lives
// beside the shell (keyed by it) rather than in it because shell.go has
// another owner; one field there could replace the map.
type dotState struct {
	outName  string        // what .output/.once opened ("|CMD" for a pipe), or ""
	outFile  *os.File      // the file it opened, or nil
	outPipe  *syscmd.Pipe  // the pipe it opened, or nil
	outBuf   *bufio.Writer // buffers outFile or outPipe; flushed after every command
	onceLeft int           // commands until a .once file is closed
	readings int           // nesting depth of .read
}

// dot returns s's dot-command state.
func (s *shell) dot() *dotState { return &s.dots }

// dotOutput is .output ?FILE? and .once ?FILE?. Without FILE (or with
// "stdout") output goes back to stdout; "off" discards it. The file is
// truncated. "|CMD" (the rest of the line, as in the stock shell) runs
// CMD with /bin/sh, as popen, and writes to its input; closing the
// redirection waits for it. .once lasts for the next command only. .excel
// and the stock shell's display options (-e -x -w --bom) are not
// supported: the image has no viewer.
func dotOutput(s *shell, args []string) error {
	once := args[0] == ".once"
	file := ""
args:
	for i, a := range args[1:] {
		switch {
		case strings.HasPrefix(a, "-") && stockOutputOption(a):
			return fmt.Errorf("%s %s is not supported by hello-sqlite (no display options)", args[0], a)
		case strings.HasPrefix(a, "-"):
			return badArg(i+1, "unknown option")
		case file != "":
			return badArg(i+1, "surplus argument")
		case strings.HasPrefix(a, "|"):
			file = strings.Join(args[i+1:], " ")
			break args
		default:
			file = a
		}
	}
	s.resetOutput()
	d := s.dot()
	switch file {
	case "", "stdout":
		return nil
	case "off":
		file = os.DevNull
	}
	var w io.Writer
	if file[0] == '|' {
		// The command writes to our stdout directly: what we buffered
		// must come first.
		if fl, ok := s.stdout.(interface{ Flush() error }); ok {
			fl.Flush()
		}
		p, err := syscmd.Input(file[1:])
		if err != nil {
			return plainError(`Error: cannot open pipe "` + file[1:] + `"`)
		}
		d.outPipe, w = p, p
	} else {
		f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			// The stock shell's two lines: its file opener's, then .output's.
			return plainError(`Error: cannot open "` + file + `"` + "\n" + `Error: cannot write to "` + file + `"`)
		}
		d.outFile, w = f, f
	}
	d.outName, d.outBuf = file, bufio.NewWriterSize(w, 64<<10)
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

// resetOutput closes a redirection file, or a pipe and waits for its
// command, and sends output to stdout again.
func (s *shell) resetOutput() {
	d := s.dot()
	if d.outBuf != nil {
		d.outBuf.Flush()
		if d.outFile != nil {
			d.outFile.Close()
		} else {
			d.outPipe.Close()
		}
		d.outName, d.outFile, d.outPipe, d.outBuf = "", nil, nil, nil
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
