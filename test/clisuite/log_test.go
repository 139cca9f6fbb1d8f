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
		}, true, 4},
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

// A failure the summary names but whose "NAME..." was not at a line start still counts.
func TestParseLogFailureOnlyInSummary(t *testing.T) {
	log := "a-1... Ok\noutput without newline b-2...\n1 errors out of 2 tests on x\n!Failures on these tests: b-2\n"
	res, err := ParseLog(strings.NewReader(log))
	if err != nil {
		t.Fatal(err)
	}
	want := []Test{{"a-1", true}, {"b-2", false}}
	if !reflect.DeepEqual(res.Tests, want) {
		t.Errorf("got %+v, want %+v", res.Tests, want)
	}
}
