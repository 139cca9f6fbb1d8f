package shell

import (
	"fmt"
	"strings"

	"github.com/hello-sqlite/hello-sqlite/internal/term"
)

// Inline data: ".import <<LABEL TABLE" takes its data from the script's
// next lines, up to the first line that starts with LABEL, as in the stock
// 3.53 shell. Those lines are data, never SQL: they are read here even
// when the .import line itself is wrong (the stock shell would run them).

// scriptSource is the script a readLoop is reading.
type scriptSource struct {
	lr     *lineReader
	name   string // "" for stdin
	lineno int    // lines read so far
	idle   <-chan struct{}
	tty    *term.Terminal // nil unless interactive
}

// noScriptError is .import <<LABEL where no script follows: a command-line
// argument or -cmd. It ends the run (runCmdOption), so that stdin, which
// may well hold the data, never runs as SQL.
type noScriptError struct{ label string }

func (e noScriptError) Error() string {
	return fmt.Sprintf(".import <<%s: inline data must follow in a script (stdin or a .read file), not a command-line argument", e.label)
}

// inlineLabel returns LABEL when one of .import's arguments is <<LABEL.
func inlineLabel(args []string) string {
	for _, a := range args[1:] {
		if strings.HasPrefix(a, "<<") && len(a) > 2 {
			return a[2:]
		}
	}
	return ""
}

// inlineData is the data of a .import <<LABEL: its lines (each with its
// newline), the script's name for messages ("<stdin>" for stdin) and the
// number of its first line.
type inlineData struct {
	text  string
	file  string
	first int
}

// readInline reads the lines after the current one up to and including
// one starting with label. Without such a line everything to the end of
// the script is consumed and it fails.
func (s *shell) readInline(label string) (inlineData, error) {
	src := s.source
	if src == nil {
		return inlineData{}, noScriptError{label}
	}
	d := inlineData{file: src.name, first: src.lineno + 1}
	if d.file == "" {
		d.file = "<stdin>"
	}
	var b strings.Builder
	for {
		if src.tty != nil {
			src.tty.Prompt(true)
		}
		line, ok, err := s.next(src.lr, src.idle)
		if err == errIdleInterrupt {
			src.tty.Interrupted()
			return d, fmt.Errorf(".import <<%s: interrupted", label)
		}
		if err != nil {
			return d, err
		}
		if !ok {
			return d, fmt.Errorf("Content terminator %q not found.", label)
		}
		src.lineno++
		if strings.HasPrefix(line, label) {
			d.text = b.String()
			return d, nil
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
}
