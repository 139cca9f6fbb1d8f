package shell

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestLookupDot checks abbreviations against the stock shell's choices
// (found by trying each with the stock 3.53 shell).
func TestLookupDot(t *testing.T) {
	cases := map[string]string{
		"d": "dump", "da": "databases", "dump": "dump", "ta": "tables", "t": "trace",
		"timeo": "timeout", "time": "", "s": "scanstats", "sch": "schema", "se": "separator",
		"i": "import", "in": "indexes", "indices": "indexes", "e": "echo", "ex": "exit",
		"q": "quit", "o": "output", "on": "output", "op": "open", "r": "recover", "rea": "read",
		"res": "restore", "b": "", "bac": "backup", "bai": "bail", "sav": "backup", "save": "backup",
		"h": "headers", "hel": "help", "n": "nullvalue", "m": "mode", "foo": "", "tablesx": "",
		"cd": "cd", "c": "clone",
	}
	for arg, want := range cases {
		got := ""
		if c := lookupDot(arg); c != nil {
			got = c.name
		}
		if got != want {
			t.Errorf("lookupDot(%q) = %q, want %q", arg, got, want)
		}
	}
}

func TestIntegerValue(t *testing.T) {
	cases := map[string]int64{"0": 0, "100": 100, "-7": -7, "0x1f": 31, "2KiB": 2048, "3k": 3000,
		"1MB": 1000000, "abc": 0, "12abc": 12, "99999999999999999999": 1<<63 - 1}
	for in, want := range cases {
		if got := integerValue(in); got != want {
			t.Errorf("integerValue(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestCQuote(t *testing.T) {
	for in, want := range map[string]string{"|": `"|"`, "\n": `"\n"`, "\r\n": `"\r\n"`, "\t": `"\t"`,
		"\x1f": `"\037"`, `a"b\`: `"a\"b\\"`} {
		if got := cQuote(in); got != want {
			t.Errorf("cQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestHeaderOptions checks -header/-noheader, the mode options and
// .mode/.headers against what the stock shell shows (a .headers or
// -header/-noheader choice holds across mode changes).
func TestHeaderOptions(t *testing.T) {
	cases := []struct {
		name  string
		calls [][]string // "-table" is a mode option, "-header" a header option, else a dot-command
		want  bool
	}{
		{"-table", [][]string{{"-table"}}, true},
		{"-noheader -table", [][]string{{"-noheader"}, {"-table"}}, false},
		{"-table -noheader", [][]string{{"-table"}, {"-noheader"}}, false},
		{"-noheader then .mode table", [][]string{{"-noheader"}, {".mode", "table"}}, false},
		{".headers off then .mode table", [][]string{{".headers", "off"}, {".mode", "table"}}, false},
		{"-header then .mode csv", [][]string{{"-header"}, {".mode", "csv"}}, true},
		{"-header -noheader -table", [][]string{{"-header"}, {"-noheader"}, {"-table"}}, false},
		{".mode table --titles off then .mode box", [][]string{{".mode", "table", "--titles", "off"}, {".mode", "box"}}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newShell(context.Background(), strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{})
			for _, call := range c.calls {
				var err error
				switch call[0] {
				case "-header", "-noheader":
					s.setHeaders(call[0] == "-header")
				case ".headers":
					err = s.dotHeaders(call)
				case ".mode":
					err = s.dotMode(call)
				default:
					err = s.setMode(call[0][1:])
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			if got := s.showTitles(); got != c.want {
				t.Errorf("showTitles() = %v, want %v", got, c.want)
			}
		})
	}
}
