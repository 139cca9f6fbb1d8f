// Package clisuite reads the output of SQLite's testfixture running the CLI test files (shell*.test) and
// the checked-in list of expected failures, and compares the two. scripts/cli-suite runs the files;
// test/clisuite/check is the command that calls this package.
package clisuite

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// Result is what one test file reported.
type Result struct {
	Tests    []Test // in the order they ran, each name once
	Finished bool   // the file reached its summary line ("N errors out of M tests")
	Total    int    // M from the summary line (the runs and finalize_testing's own check); 0 when not finished
}

// Test is one run of a do_test (or do_execsql_test ...) case. A name that runs more than once (a few
// files reuse names) is NAME#2, NAME#3 ... from its second run on, so counts match testfixture's summary.
type Test struct {
	Name   string
	Passed bool
}

var (
	// tester.tcl prints "NAME..." before running a case and appends " Ok" when it passes; a failure
	// instead ends the line and prints "! NAME expected: ..." or "Error: ..." lines.
	startRE   = regexp.MustCompile(`^([A-Za-z][^ .]*-[^ ]*?)\.\.\.`)
	summaryRE = regexp.MustCompile(`^(\d+) errors out of (\d+) tests`)
)

const failuresPrefix = "!Failures on these tests:"

// ParseLog reads one testfixture log. A run passed when a line of its output ends in " Ok"; in a file that
// finished, the failures must agree in number with the summary's failure list, name by name.
func ParseLog(r io.Reader) (Result, error) {
	var res Result
	runs := map[string]int{}   // runs so far, by plain name
	failed := map[string]int{} // failed runs, by plain name
	var listed []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	cur := -1 // index in res.Tests of the run whose output this is
	plain := []string{}
	for sc.Scan() {
		line := sc.Text()
		if m := startRE.FindStringSubmatch(line); m != nil {
			runs[m[1]]++
			name := m[1]
			if n := runs[m[1]]; n > 1 {
				name = fmt.Sprintf("%s#%d", m[1], n)
			}
			cur = len(res.Tests)
			res.Tests = append(res.Tests, Test{Name: name})
			plain = append(plain, m[1])
		}
		switch {
		case strings.HasPrefix(line, failuresPrefix):
			listed = append(listed, strings.Fields(strings.TrimPrefix(line, failuresPrefix))...)
		case summaryRE.MatchString(line):
			res.Finished = true
			res.Total, _ = strconv.Atoi(summaryRE.FindStringSubmatch(line)[2])
			cur = -1
		case strings.HasSuffix(line, " Ok") && cur >= 0:
			res.Tests[cur].Passed = true
		}
	}
	if err := sc.Err(); err != nil {
		return res, err
	}
	for i, t := range res.Tests {
		if !t.Passed {
			failed[plain[i]]++
		}
	}
	if res.Finished {
		want := map[string]int{}
		for _, n := range listed {
			want[n]++
		}
		for n, k := range want {
			if failed[n] != k {
				return res, fmt.Errorf("summary lists %d failures of %s, the log shows %d", k, n, failed[n])
			}
		}
		for n, k := range failed {
			if want[n] != k {
				return res, fmt.Errorf("summary lists %d failures of %s, the log shows %d", want[n], n, k)
			}
		}
		// finalize_testing counts itself as one more test.
		if res.Total != len(res.Tests)+1 {
			return res, fmt.Errorf("summary counts %d tests, the log shows %d and the final check", res.Total, len(res.Tests))
		}
	}
	return res, nil
}
