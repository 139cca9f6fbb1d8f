// Package clisuite reads the output of SQLite's testfixture running the CLI test files (shell*.test) and
// the checked-in list of expected failures, and compares the two. scripts/cli-suite runs the files;
// test/clisuite/check is the command that calls this package.
package clisuite

import (
	"bufio"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// Result is what one test file reported.
type Result struct {
	Tests    []Test // in the order they ran, each name once
	Finished bool   // the file reached its summary line ("N errors out of M tests")
	Total    int    // M from the summary line; 0 when not finished
}

// Test is one do_test (or do_execsql_test ...) case.
type Test struct {
	Name   string
	Passed bool
}

var (
	// tester.tcl prints "NAME..." before running a case, then " Ok" or a failure on later lines.
	startRE   = regexp.MustCompile(`^(\S+?)\.\.\.`)
	failRE    = regexp.MustCompile(`^! (\S+) expected: `)
	summaryRE = regexp.MustCompile(`^(\d+) errors out of (\d+) tests`)
)

const failuresPrefix = "!Failures on these tests:"

// ParseLog reads one testfixture log. A case fails when the summary's failure list names it; a file that
// did not finish (crash, timeout) has no such list, so there a case fails when it printed "! NAME expected"
// or when it was the last one started.
func ParseLog(r io.Reader) (Result, error) {
	var res Result
	index := map[string]int{}
	failed := map[string]bool{}
	var listed []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	last := ""
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, failuresPrefix):
			listed = append(listed, strings.Fields(strings.TrimPrefix(line, failuresPrefix))...)
		case failRE.MatchString(line):
			failed[failRE.FindStringSubmatch(line)[1]] = true
		case summaryRE.MatchString(line):
			m := summaryRE.FindStringSubmatch(line)
			res.Finished = true
			res.Total, _ = strconv.Atoi(m[2])
		case startRE.MatchString(line) && !strings.HasPrefix(line, "!"):
			name := startRE.FindStringSubmatch(line)[1]
			if _, ok := index[name]; !ok {
				index[name] = len(res.Tests)
				res.Tests = append(res.Tests, Test{Name: name})
			}
			last = name
		}
	}
	if err := sc.Err(); err != nil {
		return res, err
	}
	if res.Finished {
		failed = map[string]bool{}
		for _, n := range listed {
			failed[n] = true
			if _, ok := index[n]; !ok { // its "NAME..." was not at a line start
				index[n] = len(res.Tests)
				res.Tests = append(res.Tests, Test{Name: n})
			}
		}
	} else if last != "" {
		failed[last] = true
	}
	for i := range res.Tests {
		res.Tests[i].Passed = !failed[res.Tests[i].Name]
	}
	return res, nil
}
