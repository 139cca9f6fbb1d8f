package clisuite

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// List is the expected-failures file: per test file, the cases that fail today, each with its reason.
//
//	# comment
//	[shell1.test]
//	shell1-1.1.1<TAB>reason
//
// A file that does not finish is listed under its own name (shell1.test<TAB>reason).
type List struct {
	Header   []string // leading comment lines, kept on update
	Sections []Section
}

// Section holds the expected failures of one test file.
type Section struct {
	File    string
	Entries []Entry
}

// Entry is one expected failure.
type Entry struct {
	Name   string
	Reason string
}

// NewReason is the reason an update gives a failure it has not seen before.
const NewReason = "unclassified"

// ParseList reads an expected-failures file.
func ParseList(r io.Reader) (List, error) {
	var l List
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \t")
		switch {
		case line == "":
		case strings.HasPrefix(line, "#"):
			if len(l.Sections) == 0 {
				l.Header = append(l.Header, line)
			}
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			l.Sections = append(l.Sections, Section{File: line[1 : len(line)-1]})
		default:
			if len(l.Sections) == 0 {
				return l, fmt.Errorf("line %d: entry before any [FILE.test] section", n)
			}
			name, reason, ok := strings.Cut(line, "\t")
			reason = strings.TrimSpace(reason)
			if !ok || strings.ContainsAny(name, " ") || reason == "" {
				return l, fmt.Errorf("line %d: want NAME<TAB>REASON, got %q", n, line)
			}
			s := &l.Sections[len(l.Sections)-1]
			s.Entries = append(s.Entries, Entry{Name: name, Reason: reason})
		}
	}
	return l, sc.Err()
}

// Format writes the list back in the form ParseList reads.
func (l List) Format() []byte {
	var b bytes.Buffer
	for _, h := range l.Header {
		b.WriteString(h + "\n")
	}
	for _, s := range l.Sections {
		if len(s.Entries) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n[%s]\n", s.File)
		for _, e := range s.Entries {
			fmt.Fprintf(&b, "%s\t%s\n", e.Name, e.Reason)
		}
	}
	return b.Bytes()
}

// section returns the expected failures of file, by name.
func (l List) section(file string) map[string]string {
	m := map[string]string{}
	for _, s := range l.Sections {
		if s.File == file {
			for _, e := range s.Entries {
				m[e.Name] = e.Reason
			}
		}
	}
	return m
}

// failures returns the names that failed in res, in run order; an unfinished file adds its own name.
func failures(file string, res Result) []string {
	var out []string
	for _, t := range res.Tests {
		if !t.Passed {
			out = append(out, t.Name)
		}
	}
	if !res.Finished {
		out = append(out, file)
	}
	return out
}

// Compare lists what differs between the run of file and the list: failures not listed, and listed
// failures that passed or did not run. Empty means the run matches.
func (l List) Compare(file string, res Result) []string {
	want := l.section(file)
	var problems []string
	failed := map[string]bool{}
	for _, n := range failures(file, res) {
		failed[n] = true
		if _, ok := want[n]; !ok {
			problems = append(problems, fmt.Sprintf("%s: %s fails and is not in the expected failures", file, n))
		}
	}
	ran := map[string]bool{file: true}
	for _, t := range res.Tests {
		ran[t.Name] = true
	}
	for _, s := range l.Sections {
		if s.File != file {
			continue
		}
		for _, e := range s.Entries {
			switch {
			case failed[e.Name]:
			case !ran[e.Name]:
				problems = append(problems, fmt.Sprintf("%s: %s is an expected failure but did not run (update the list)", file, e.Name))
			case e.Name == file:
				problems = append(problems, fmt.Sprintf("%s: listed as not finishing but it finished: remove it from the list", file))
			default:
				problems = append(problems, fmt.Sprintf("%s: %s passes now: remove it from the expected failures", file, e.Name))
			}
		}
	}
	return problems
}

// Update returns the list with file's section replaced by the failures of res, keeping the reasons of
// entries that still fail and giving new ones NewReason. Other files' sections are kept as they are.
func (l List) Update(file string, res Result) List {
	want := l.section(file)
	sec := Section{File: file}
	for _, n := range failures(file, res) {
		reason, ok := want[n]
		if !ok {
			reason = NewReason
		}
		sec.Entries = append(sec.Entries, Entry{Name: n, Reason: reason})
	}
	out := List{Header: l.Header}
	replaced := false
	for _, s := range l.Sections {
		if s.File == file {
			if !replaced {
				out.Sections = append(out.Sections, sec)
				replaced = true
			}
			continue
		}
		out.Sections = append(out.Sections, s)
	}
	if !replaced {
		out.Sections = append(out.Sections, sec)
	}
	return out
}
