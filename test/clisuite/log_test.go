package clisuite

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestParseLog(t *testing.T) {
	tests := []struct {
		log      string
		want     []Test
		finished bool
		total    int
	}{
		{"testdata/finished.log", []Test{
			{"shell1-1.1.1", true}, {"shell1-1.1.2", false}, {"shell1-1.2.1", false}, {"shell1-1.3.1", true},
		}, true, 5},
		// No summary: the "! NAME expected" case and the last one started fail.
		{"testdata/unfinished.log", []Test{
			{"shell2-1.1", true}, {"shell2-1.2", false}, {"shell2-1.3", true}, {"shell2-1.4", false},
		}, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.log, func(t *testing.T) {
			f, err := os.Open(tt.log)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			res, err := ParseLog(f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(res.Tests, tt.want) || res.Finished != tt.finished || res.Total != tt.total {
				t.Errorf("got %+v, want tests %+v finished %v total %d", res, tt.want, tt.finished, tt.total)
			}
		})
	}
}

// A reused name is NAME#2 from its second run; the summary lists it once per failed run.
func TestParseLogRepeatedName(t *testing.T) {
	log := "a-1... Ok\na-1...\n! a-1 expected: [x]\n! a-1 got:      [y]\n" +
		"1 errors out of 3 tests on x\n!Failures on these tests: a-1\n"
	res, err := ParseLog(strings.NewReader(log))
	if err != nil {
		t.Fatal(err)
	}
	want := []Test{{"a-1", true}, {"a-1#2", false}}
	if !reflect.DeepEqual(res.Tests, want) {
		t.Errorf("got %+v, want %+v", res.Tests, want)
	}
}

// A log whose runs disagree with its own summary is an error, not a guess.
func TestParseLogDisagreesWithSummary(t *testing.T) {
	for _, log := range []string{
		"a-1... Ok\nb-2...\n0 errors out of 3 tests on x\n",                                   // b-2 failed, not listed
		"a-1... Ok\nb-2... Ok\n1 errors out of 3 tests on x\n!Failures on these tests: b-2\n", // listed, passed
		"a-1... Ok\n0 errors out of 3 tests on x\n",                                           // count differs
	} {
		if _, err := ParseLog(strings.NewReader(log)); err == nil {
			t.Errorf("ParseLog(%q): no error", log)
		}
	}
}
