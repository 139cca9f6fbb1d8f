package clisuite

import (
	"reflect"
	"strings"
	"testing"
)

const listText = `# header
[shell1.test]
a-1	stderr message text: prefix
a-2	missing .parameter

[shell2.test]
shell2.test	did not finish: hangs
`

func TestListRoundTrip(t *testing.T) {
	l, err := ParseList(strings.NewReader(listText))
	if err != nil {
		t.Fatal(err)
	}
	want := "# header\n\n[shell1.test]\na-1\tstderr message text: prefix\na-2\tmissing .parameter\n\n[shell2.test]\nshell2.test\tdid not finish: hangs\n"
	if got := string(l.Format()); got != want {
		t.Errorf("Format:\n%s\nwant:\n%s", got, want)
	}
}

func TestParseListErrors(t *testing.T) {
	for _, text := range []string{
		"a-1\treason\n",                // before any section
		"[shell1.test]\na-1\n",         // no reason
		"[shell1.test]\na 1\treason\n", // space in name
	} {
		if _, err := ParseList(strings.NewReader(text)); err == nil {
			t.Errorf("ParseList(%q): no error", text)
		}
	}
}

func TestCompare(t *testing.T) {
	l, err := ParseList(strings.NewReader(listText))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		file string
		res  Result
		want []string // substrings, one per problem
	}{
		{"matches", "shell1.test", Result{Finished: true, Tests: []Test{{"a-1", false}, {"a-2", false}, {"a-3", true}}}, nil},
		{"new failure", "shell1.test", Result{Finished: true, Tests: []Test{{"a-1", false}, {"a-2", false}, {"a-3", false}}},
			[]string{"a-3 fails and is not in"}},
		{"listed passes", "shell1.test", Result{Finished: true, Tests: []Test{{"a-1", true}, {"a-2", false}}},
			[]string{"a-1 passes now"}},
		{"listed did not run", "shell1.test", Result{Finished: true, Tests: []Test{{"a-1", false}}},
			[]string{"a-2 is an expected failure but did not run"}},
		{"unfinished as listed", "shell2.test", Result{Tests: []Test{{"b-1", true}}}, nil},
		{"now finishes", "shell2.test", Result{Finished: true, Tests: []Test{{"b-1", true}}},
			[]string{"listed as not finishing but it finished"}},
		{"unlisted file fails", "shell3.test", Result{Finished: true, Tests: []Test{{"c-1", false}}},
			[]string{"c-1 fails and is not in"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := l.Compare(tt.file, tt.res)
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %d problems", got, len(tt.want))
			}
			for i := range got {
				if !strings.Contains(got[i], tt.want[i]) {
					t.Errorf("problem %d = %q, want it to contain %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestUpdateKeepsReasons(t *testing.T) {
	l, err := ParseList(strings.NewReader(listText))
	if err != nil {
		t.Fatal(err)
	}
	res := Result{Finished: true, Tests: []Test{{"a-1", true}, {"a-2", false}, {"a-3", false}}}
	got := l.Update("shell1.test", res)
	want := []Section{
		{"shell1.test", []Entry{{"a-2", "missing .parameter"}, {"a-3", NewReason}}},
		{"shell2.test", []Entry{{"shell2.test", "did not finish: hangs"}}},
	}
	if !reflect.DeepEqual(got.Sections, want) {
		t.Errorf("got %+v, want %+v", got.Sections, want)
	}
	if len(got.Compare("shell1.test", res)) != 0 {
		t.Errorf("updated list still differs from the run")
	}
	got = got.Update("shell3.test", Result{Finished: true, Tests: []Test{{"c-1", false}}})
	if n := len(got.Sections); n != 3 || got.Sections[2].File != "shell3.test" {
		t.Errorf("new file's section not appended: %+v", got.Sections)
	}
}
