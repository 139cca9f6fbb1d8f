package shell

import (
	"fmt"
	"io"
	"strings"
)

// .help ?-all? ?PATTERN?: the stock shell's help text (dotHelpText), limited
// to the commands hello-sqlite has, chosen as the stock showHelp does:
//   - no pattern: the first line of each documented command;
//   - -a, -all, --all: every line of the documented commands;
//   - 0: every line of the undocumented ones;
//   - a prefix of command names (glob): the first line of each, or the
//     whole entry when only one matches;
//   - otherwise: the whole entry of each command whose text contains
//     PATTERN (LIKE, so % and _ are wild).
func dotHelp(s *shell, args []string) error {
	if len(args) >= 2 {
		if s.showHelp(s.out, args[1]) == 0 {
			fmt.Fprintf(s.out, "Nothing matches '%s'\n", args[1])
		}
		return nil
	}
	s.showHelp(s.out, "")
	return nil
}

// helpEntries returns the entries of dotHelpText for commands we have, each
// its lines.
func helpEntries() [][]string {
	var entries [][]string
	for _, line := range dotHelpText {
		if line[0] == '.' || line[0] == ',' {
			entries = append(entries, []string{line})
			continue
		}
		if n := len(entries); n > 0 {
			entries[n-1] = append(entries[n-1], line)
		}
	}
	have := entries[:0]
	for _, e := range entries {
		name := strings.Fields(e[0][1:])[0]
		if c := lookupDot(name); c != nil && c.run != nil {
			have = append(have, e)
		}
	}
	return have
}

// showHelp prints the help for pattern ("" for the summary) and returns
// how many commands matched.
func (s *shell) showHelp(w io.Writer, pattern string) int {
	entries := helpEntries()
	print := func(lines []string) {
		for _, l := range lines {
			fmt.Fprintln(w, l)
		}
	}
	switch pattern {
	case "":
		pattern = "[a-z]"
	case "-a", "-all", "--all":
		pattern = "."
	case "0":
		n := 0
		for _, e := range entries {
			if e[0][0] == ',' {
				fmt.Fprintf(w, ".%s\n", e[0][1:])
				print(e[1:])
				n++
			}
		}
		return n
	}
	prefix := "." + strings.TrimPrefix(pattern, ".") + "*"
	var hits [][]string
	for _, e := range entries {
		if globMatch(prefix, e[0]) {
			hits = append(hits, e)
		}
	}
	switch len(hits) {
	case 0:
	case 1:
		print(hits[0])
		return 1
	default:
		for _, e := range hits {
			fmt.Fprintln(w, e[0])
		}
		return len(hits)
	}
	like := "%" + pattern + "%"
	n := 0
	for _, e := range entries {
		if e[0][0] == ',' {
			continue
		}
		for _, l := range e {
			if likeMatch(like, l) {
				print(e)
				n++
				break
			}
		}
	}
	return n
}
