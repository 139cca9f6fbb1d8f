package shell

import (
	"fmt"
	"strings"
)

// Errors in a dot-command's arguments, shown the 3.53 way: the command
// line, a pointer under the argument at fault, and a detail line, each
// after the input's location:
//
//	line 1: .mode foo
//	line 1:       ^--- unknown mode
//	line 1: Use ".help .mode" for more info

// dotArgError is an error about argument arg of the dot-command line.
type dotArgError struct {
	loc    string // where the command was read: "line 3:", "argv[2]:"
	line   string // the dot-command as typed
	offset int    // where the argument starts in line, or -1
	brief  string // a few words under the pointer ("" for none)
	detail string // a line of its own ("" for none)
}

func (e *dotArgError) Error() string {
	return strings.TrimSpace(e.brief + ": " + e.detail)
}

// argError returns the error for argument arg of the current dot-command
// (s.dotLine); an arg past the end has no pointer.
func (s *shell) argError(arg int, brief, detail string) error {
	offs := dotArgOffsets(s.dotLine)
	off := -1
	if arg >= 0 && arg < len(offs) {
		off = offs[arg]
	}
	return &dotArgError{loc: s.loc.prefix(), line: s.dotLine, offset: off, brief: brief, detail: detail}
}

// report writes the error as the stock shell's dotCmdError does.
func (e *dotArgError) report() string {
	loc := e.loc
	var b strings.Builder
	if e.brief != "" && e.offset >= 0 {
		fmt.Fprintf(&b, "%s %s\n", loc, e.line)
		if n := len(e.brief) + 5; e.offset > n {
			fmt.Fprintf(&b, "%s %*s%s ---^\n", loc, 1+e.offset-n, "", e.brief)
		} else {
			fmt.Fprintf(&b, "%s %*s^--- %s\n", loc, e.offset, "", e.brief)
		}
	}
	if e.detail != "" {
		fmt.Fprintf(&b, "%s %s\n", loc, e.detail)
	}
	return b.String()
}

// dotArgOffsets are the byte offsets in line of each argument as the
// stock shell's parseDotCmdArgs records them (after an opening quote).
func dotArgOffsets(line string) []int {
	z := strings.TrimRight(line, " \t\n\v\f\r")
	if strings.HasSuffix(z, ";") {
		z = strings.TrimRight(z[:len(z)-1], " \t\n\v\f\r")
	}
	var offs []int
	h := 1 // after the "."
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' }
	for h < len(z) {
		for h < len(z) && space(z[h]) {
			h++
		}
		if h >= len(z) {
			break
		}
		if d := z[h]; d == '\'' || d == '"' {
			h++
			offs = append(offs, h)
			for h < len(z) && z[h] != d {
				if z[h] == '\\' && d == '"' && h+1 < len(z) {
					h++
				}
				h++
			}
			if h < len(z) {
				h++
			}
			continue
		}
		offs = append(offs, h)
		for h < len(z) && !space(z[h]) {
			h++
		}
	}
	return offs
}
