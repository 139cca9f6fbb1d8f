package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// Unit tests of the renderer. The expected outputs of TestRenderModes were
// printed by the stock sqlite3 3.53 shell for the same input (the
// differential tests in test/e2e compare with it directly; these run
// anywhere, the Nix build sandbox included).

// renderRun runs the shell on :memory: with SQL/dot-command arguments and
// returns stdout, failing the test on any error output.
func renderRun(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), append([]string{":memory:"}, args...), strings.NewReader(""), &out, &errb)
	if err != nil || errb.Len() > 0 {
		t.Fatalf("run %q: %v\nstderr: %s", args, err, errb.String())
	}
	return out.String()
}

const renderSetup = `CREATE TABLE t(a, b); INSERT INTO t VALUES(1, 'x'), (2.5, 'a,b "q"'), (NULL, 'two'||char(10)||'lines'), (-7, x'4142'), (1e300, '日本');`

func TestRenderModes(t *testing.T) {
	cases := []struct {
		mode string
		cmds []string
		want string
	}{
		{mode: "list", cmds: []string{".headers on"}, want: "a|b\n" +
			"1|x\n" +
			"2.5|a,b \"q\"\n" +
			"|two\n" +
			"lines\n" +
			"-7|AB\n" +
			"1.0e+300|日本\n"},
		{mode: "csv", cmds: []string{".headers on"}, want: "a,b\r\n" +
			"1,x\r\n" +
			"2.5,\"a,b \"\"q\"\"\"\r\n" +
			",\"two\n" +
			"lines\"\r\n" +
			"-7,AB\r\n" +
			"1.0e+300,\"日本\"\r\n"},
		{mode: "json", cmds: []string{}, want: "[{\"a\":1,\"b\":\"x\"},\n" +
			"{\"a\":2.5,\"b\":\"a,b \\\"q\\\"\"},\n" +
			"{\"a\":null,\"b\":\"two\\nlines\"},\n" +
			"{\"a\":-7,\"b\":\"\\u0041\\u0042\"},\n" +
			"{\"a\":1.0e+300,\"b\":\"日本\"}]\n"},
		{mode: "line", cmds: []string{}, want: "a: 1\n" +
			"b: x\n" +
			"\n" +
			"a: 2.5\n" +
			"b: a,b \"q\"\n" +
			"\n" +
			"a: \n" +
			"b: two\n" +
			"   lines\n" +
			"\n" +
			"a: -7\n" +
			"b: AB\n" +
			"\n" +
			"a: 1.0e+300\n" +
			"b: 日本\n"},
		{mode: "quote", cmds: []string{".headers on"}, want: "'a','b'\n" +
			"1,'x'\n" +
			"2.5,'a,b \"q\"'\n" +
			"NULL,unistr('two\\u000alines')\n" +
			"-7,x'4142'\n" +
			"1.0e+300,'日本'\n"},
		{mode: "insert", cmds: []string{}, want: "INSERT INTO tab VALUES(1,'x');\n" +
			"INSERT INTO tab VALUES(2.5,'a,b \"q\"');\n" +
			"INSERT INTO tab VALUES(NULL,unistr('two\\u000alines'));\n" +
			"INSERT INTO tab VALUES(-7,x'4142');\n" +
			"INSERT INTO tab VALUES(1.0e+300,'日本');\n"},
		{mode: "html", cmds: []string{}, want: "<TR>\n" +
			"<TH>a\n" +
			"<TH>b\n" +
			"</TR>\n" +
			"<TR>\n" +
			"<TD>1\n" +
			"<TD>x\n" +
			"</TR>\n" +
			"<TR>\n" +
			"<TD>2.5\n" +
			"<TD>a,b &quot;q&quot;\n" +
			"</TR>\n" +
			"<TR>\n" +
			"<TD>null\n" +
			"<TD>two\n" +
			"lines\n" +
			"</TR>\n" +
			"<TR>\n" +
			"<TD>-7\n" +
			"<TD>AB\n" +
			"</TR>\n" +
			"<TR>\n" +
			"<TD>1.0e+300\n" +
			"<TD>日本\n" +
			"</TR>\n"},
		{mode: "tabs", cmds: []string{}, want: "1\tx\n" +
			"2.5\t\"a,b \"\"q\"\"\"\n" +
			"\t\"two\n" +
			"lines\"\n" +
			"-7\tAB\n" +
			"1.0e+300\t\"日本\"\n"},
		{mode: "ascii", cmds: []string{}, want: "1\x1fx\x1e" +
			"2.5\x1fa,b \"q\"\x1e" +
			"\x1ftwo\n" +
			"lines\x1e" +
			"-7\x1fAB\x1e" +
			"1.0e+300\x1f日本\x1e"},
		{mode: "table", cmds: []string{}, want: "+----------+---------+\n" +
			"|    a     |    b    |\n" +
			"+----------+---------+\n" +
			"|        1 | x       |\n" +
			"+----------+---------+\n" +
			"|      2.5 | a,b \"q\" |\n" +
			"+----------+---------+\n" +
			"|          | two     |\n" +
			"|          | lines   |\n" +
			"+----------+---------+\n" +
			"|       -7 | AB      |\n" +
			"+----------+---------+\n" +
			"| 1.0e+300 | 日本    |\n" +
			"+----------+---------+\n"},
		{mode: "box", cmds: []string{}, want: "╭──────────┬─────────╮\n" +
			"│    a     │    b    │\n" +
			"╞══════════╪═════════╡\n" +
			"│        1 │ x       │\n" +
			"├──────────┼─────────┤\n" +
			"│      2.5 │ a,b \"q\" │\n" +
			"├──────────┼─────────┤\n" +
			"│          │ two     │\n" +
			"│          │ lines   │\n" +
			"├──────────┼─────────┤\n" +
			"│       -7 │ AB      │\n" +
			"├──────────┼─────────┤\n" +
			"│ 1.0e+300 │ 日本    │\n" +
			"╰──────────┴─────────╯\n"},
		{mode: "markdown", cmds: []string{}, want: "|    a     |    b    |\n" +
			"|----------|---------|\n" +
			"|        1 | x       |\n" +
			"|      2.5 | a,b \"q\" |\n" +
			"|          | two     |\n" +
			"|          | lines   |\n" +
			"|       -7 | AB      |\n" +
			"| 1.0e+300 | 日本    |\n"},
		{mode: "column", cmds: []string{}, want: "   a         b\n" +
			"--------  -------\n" +
			"       1  x\n" +
			"\n" +
			"     2.5  a,b \"q\"\n" +
			"\n" +
			"          two\n" +
			"          lines\n" +
			"\n" +
			"      -7  AB\n" +
			"\n" +
			"1.0e+300  日本\n"},
		{mode: "psql", cmds: []string{}, want: "    a     |    b\n" +
			"----------+---------\n" +
			"        1 | x\n" +
			"----------+---------\n" +
			"      2.5 | a,b \"q\"\n" +
			"----------+---------\n" +
			"          | two\n" +
			"          | lines\n" +
			"----------+---------\n" +
			"       -7 | AB\n" +
			"----------+---------\n" +
			" 1.0e+300 | 日本\n"},
		{mode: "qbox", cmds: []string{}, want: "╭──────────┬──────────────────────────╮\n" +
			"│    a     │            b             │\n" +
			"╞══════════╪══════════════════════════╡\n" +
			"│        1 │ 'x'                      │\n" +
			"│      2.5 │ 'a,b \"q\"'                │\n" +
			"│ NULL     │ unistr('two\\u000alines') │\n" +
			"│       -7 │ x'4142'                  │\n" +
			"│ 1.0e+300 │ '日本'                   │\n" +
			"╰──────────┴──────────────────────────╯\n"},
		{mode: "jobject", cmds: []string{}, want: "{\"a\":1,\"b\":\"x\"}\n" +
			"{\"a\":2.5,\"b\":\"a,b \\\"q\\\"\"}\n" +
			"{\"a\":null,\"b\":\"two\\nlines\"}\n" +
			"{\"a\":-7,\"b\":\"\\u0041\\u0042\"}\n" +
			"{\"a\":1.0e+300,\"b\":\"日本\"}\n"},
		{mode: "count", cmds: []string{}, want: "5\n"},
		{mode: "off", cmds: []string{}, want: ""},
	}
	for _, c := range cases {
		t.Run(c.mode, func(t *testing.T) {
			args := append([]string{renderSetup, ".mode " + c.mode}, c.cmds...)
			got := renderRun(t, append(args, "SELECT * FROM t")...)
			if got != c.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, c.want)
			}
		})
	}
}

// TestOutputSettings checks the output dot-commands and how they interact
// (stock 3.53 behaviour).
func TestOutputSettings(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"mode resets separators", []string{".separator ; X", ".mode csv", "select 1, 2"}, "1,2\r\n"},
		{"separator after mode holds", []string{".mode csv", ".separator ';'", "select 1, 'a;b'"}, "1;\"a;b\"\r\n"},
		{"mode resets null", []string{".nullvalue N", ".mode list", "select null"}, "\n"},
		{"null after mode holds", []string{".mode list", ".nullvalue N", "select null"}, "N\n"},
		{"headers hold across modes", []string{".headers on", ".mode csv", ".mode list", "select 1 as a"}, "a\n1\n"},
		{"table shows names by default", []string{".mode table", "select 1 as a"}, "+---+\n| a |\n+---+\n| 1 |\n+---+\n"},
		{"headers off before table", []string{".headers off", ".mode table", "select 1 as a"}, "+---+\n| 1 |\n+---+\n"},
		{"csv hides names by default", []string{".mode table", ".mode csv", "select 1 as a"}, "1\r\n"},
		{"json ignores nullvalue", []string{".mode json", ".nullvalue N", "select null as n"}, "[{\"n\":null}]\n"},
		{"insert table name", []string{".mode insert 'my t'", "select 1"}, "INSERT INTO \"my t\" VALUES(1);\n"},
		{"insert keeps table name", []string{".mode insert x", ".mode list", ".mode insert", "select 1"}, "INSERT INTO x VALUES(1);\n"},
		{"mode shows settings", []string{".mode csv", ".separator ; X", ".nullvalue N", ".headers on", ".mode"},
			".mode csv --colsep \";\" --null \"N\" --rowsep \"X\" --titles on\n"},
		{"mode line separator", []string{".mode line", ".separator ' = '", "select 1 as a, 2 as bb"}, " a = 1\nbb = 2\n"},
		{"separator too many args still sets", []string{".separator a b c"}, ""},
		{"empty result", []string{".mode json", "select 1 where 0"}, ""},
		{"zero columns", []string{".mode table", "create table z(x)"}, ""},
		{"count", []string{".mode count", "select 1 union all select 2"}, "2\n"},
		{"a second word is the table name", []string{".mode list csv", "select 1, 2", ".mode insert", "select 3"}, "1|2\nINSERT INTO csv VALUES(3);\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			run(context.Background(), append([]string{":memory:"}, c.args...), strings.NewReader(""), &out, &errb)
			if out.String() != c.want {
				t.Errorf("got %q, want %q (stderr %q)", out.String(), c.want, errb.String())
			}
		})
	}
}

func TestOutputSettingErrors(t *testing.T) {
	for _, args := range [][]string{
		{".mode bogus"}, {".mode --bogus"}, {".headers"}, {".headers on off"},
		{".nullvalue"}, {".separator"}, {".mode table --wrap"}, {".mode list a b"},
	} {
		var out, errb bytes.Buffer
		err := run(context.Background(), append([]string{":memory:"}, args...), strings.NewReader(""), &out, &errb)
		if err == nil || errb.Len() == 0 {
			t.Errorf("%q: want an error, got %v, stderr %q", args, err, errb.String())
		}
	}
}
