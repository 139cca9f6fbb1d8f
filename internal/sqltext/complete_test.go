package sqltext

import (
	"bufio"
	"encoding/json"
	"math/rand"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// completeCases are inputs with the answer of SQLite's sqlite3_complete
// (checked against Python's sqlite3.complete_statement, which calls it, by
// TestCompleteMatchesSQLite).
var completeCases = []struct {
	sql  string
	want bool
}{
	{"", false},
	{";", true},
	{"select 1", false},
	{"select 1;", true},
	{"select 1;  \n\t", true},
	{"select 1; -- done", true},
	{"select 1; /* done */", true},
	{"select 1; /* not done", false},
	{"select 1 -- ;", false},
	{"select 1 /* ; */", false},
	{"select ';'", false},
	{"select ';';", true},
	{"select 'it''s';", true},
	{"select 'open;", false},
	{`select "a;b";`, true},
	{`select "a;b`, false},
	{"select `a;b`;", true},
	{"select [a;b];", true},
	{"select [a;b", false},
	{"select 1; select 2", false},
	{"select 1; select 2;", true},
	{"-- only a comment", false},
	{"/* c */ ;", true},
	{"select 1 - 2;", true},
	{"select 4 / 2;", true},
	{"create table t(x);", true},
	{"CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1;", false},
	{"CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END", false},
	{"CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;", true},
	{"create temp trigger tr after insert on t begin delete from u; end;", true},
	{"create temporary trigger tr after insert on t begin delete from u; end ;", true},
	{"CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 'END;'; END;", true},
	{"CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END; select", false},
	{"create trigger tr before delete on t begin select 1; select 2; end;", true},
	{"create trigger tr before delete on t begin select 1; end -- x\n;", true},
	{"explain create trigger tr after insert on t begin select 1; end;", true},
	{"explain create trigger tr after insert on t begin select 1;", false},
	{"explain select 1;", true},
	{"create table trigger(x);", true},
	{"create view v as select 1 as end;", true},
	{"select end from t;", true},
	{"select 1 as trigger;", true},
	{"createx trigger;", true},
	{"CrEaTe TrIgGeR tr after insert on t begin select 1; EnD;", true},
	{"create trigger tr after insert on t begin select 1; endx; end;", true},
	{"select $a;", true},
	{"select x\x00;", false}, // stops at NUL, like the C string
	{"select 'é;';", true},
}

func TestComplete(t *testing.T) {
	for _, c := range completeCases {
		if got := Complete(c.sql); got != c.want {
			t.Errorf("Complete(%q) = %v, want %v", c.sql, got, c.want)
		}
		if got := refComplete(c.sql); got != c.want {
			t.Errorf("refComplete(%q) = %v, want %v (the test's reference is wrong)", c.sql, got, c.want)
		}
	}
}

func TestBlank(t *testing.T) {
	for _, c := range []struct {
		sql  string
		want bool
	}{
		{"", true}, {"  \t", true}, {"-- c", true}, {"/* c */", true}, {"/* c", false},
		{";", false}, {"x", false}, {"-- c\n/* d */\n", true}, {"'", false},
	} {
		if got := Blank(c.sql); got != c.want {
			t.Errorf("Blank(%q) = %v, want %v", c.sql, got, c.want)
		}
	}
}

// refToken is the reference tokenizer: regular expressions instead of
// complete.c's hand-written scanner, so that the two can disagree.
// Identifier characters: ASCII letters, digits, '_', '$' and every non-ASCII
// byte (an invalid byte reads as U+FFFD, one byte wide).
var refToken = regexp.MustCompile(`^(?s:` +
	`(--[^\n]*\n?)|(/\*.*?\*/)|('[^']*'|"[^"]*"|` + "`[^`]*`" + `|\[[^\]]*\])|` +
	`([A-Za-z0-9_$\x{80}-\x{10FFFF}]+)|([ \t\n\r\f])|(.))`)

// refComplete is an independent reference for Complete (same transition
// table, which is data copied from complete.c, different tokenizer).
func refComplete(sql string) bool {
	if i := strings.IndexByte(sql, 0); i >= 0 {
		sql = sql[:i]
	}
	state := uint8(0)
	for sql != "" {
		switch { // a comment, string or name that never ends
		case strings.HasPrefix(sql, "/*") && !strings.Contains(sql[2:], "*/"),
			strings.ContainsRune("'\"`", rune(sql[0])) && !strings.Contains(sql[1:], sql[:1]),
			sql[0] == '[' && !strings.Contains(sql, "]"):
			return false
		}
		m := refToken.FindStringSubmatchIndex(sql)
		text := sql[:m[1]]
		tok := tkOTHER
		switch {
		case m[2] >= 0: // -- comment
			if !strings.HasSuffix(text, "\n") {
				return state == 1
			}
			tok = tkWS
		case m[4] >= 0, m[10] >= 0: // /* comment */, white space
			tok = tkWS
		case m[8] >= 0: // a word
			switch strings.ToLower(text) {
			case "create":
				tok = tkCREATE
			case "trigger":
				tok = tkTRIGGER
			case "temp", "temporary":
				tok = tkTEMP
			case "end":
				tok = tkEND
			case "explain":
				tok = tkEXPLAIN
			}
		case text == ";":
			tok = tkSEMI
		}
		state = completeTrans[state][tok]
		sql = sql[m[1]:]
	}
	return state == 1
}

// completeFragments build random inputs for the property and reference tests.
var completeFragments = []string{
	"select", " ", "1", ";", "\n", "'", "''", `"`, "`", "[", "]", "-", "--", "/", "*", "/*", "*/",
	"create", "CREATE", "temp", "TEMPORARY", "trigger", "TRIGGER", "end", "END", "explain",
	"begin", "x", "é", "\t", "$", "_", "tr", "on", "t", "\r",
}

func randomSQL(r *rand.Rand) string {
	var b strings.Builder
	for n := r.Intn(14); n >= 0; n-- {
		b.WriteString(completeFragments[r.Intn(len(completeFragments))])
	}
	return b.String()
}

func TestCompleteRandomAgainstReference(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		sql := randomSQL(r)
		if got, want := Complete(sql), refComplete(sql); got != want {
			t.Fatalf("Complete(%q) = %v, reference says %v", sql, got, want)
		}
	}
}

// TestCompleteMatchesSQLite compares Complete with the real
// sqlite3_complete, through Python's sqlite3.complete_statement, on the
// table cases and random inputs. python3 is a CI tool (.ci/run installs
// it); without it (the Nix build sandbox) the test skips, except in CI.
func TestCompleteMatchesSQLite(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3 is missing (CI installs it in .ci/run)")
		}
		t.Skip("python3 is missing")
	}
	var inputs []string
	for _, c := range completeCases {
		inputs = append(inputs, c.sql)
	}
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 3000; i++ {
		inputs = append(inputs, randomSQL(r))
	}
	var usable []string // Python strings hold neither NUL nor invalid UTF-8
	for _, s := range inputs {
		if utf8.ValidString(s) && !strings.Contains(s, "\x00") {
			usable = append(usable, s)
		}
	}
	var stdin strings.Builder
	for _, s := range usable {
		j, _ := json.Marshal(s)
		stdin.Write(j)
		stdin.WriteByte('\n')
	}
	cmd := exec.Command(py, "-c", `
import json, sqlite3, sys
for line in sys.stdin:
    print(int(sqlite3.complete_statement(json.loads(line))))
`)
	cmd.Stdin = strings.NewReader(stdin.String())
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	i := 0
	for ; sc.Scan(); i++ {
		want := sc.Text() == "1"
		if got := Complete(usable[i]); got != want {
			t.Errorf("Complete(%q) = %v, sqlite3_complete says %v", usable[i], got, want)
		}
	}
	if i != len(usable) {
		t.Fatalf("python3 answered %d of %d inputs", i, len(usable))
	}
}

// FuzzComplete checks that Complete never panics, agrees with the
// regexp reference, and that a trailing newline never changes the answer.
// Run: go test -run '^$' -fuzz FuzzComplete -fuzztime 60s .
func FuzzComplete(f *testing.F) {
	for _, c := range completeCases {
		f.Add(c.sql)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		got := Complete(sql)
		if want := refComplete(sql); got != want {
			t.Fatalf("Complete(%q) = %v, reference says %v", sql, got, want)
		}
		if !strings.Contains(sql, "\x00") {
			if again := Complete(sql + "\n"); again != got {
				t.Fatalf("Complete(%q) = %v but with a newline %v", sql, got, again)
			}
		}
		var c Completer // fed a line at a time, as the shell does
		lines := strings.SplitAfter(sql, "\n")
		for _, l := range lines {
			c.Feed(l)
		}
		if c.Complete() != got || c.Blank() != Blank(sql) {
			t.Fatalf("%q: line by line complete=%v blank=%v, whole %v %v", sql, c.Complete(), c.Blank(), got, Blank(sql))
		}
		if got && Blank(sql) {
			t.Fatalf("%q is both complete and blank", sql)
		}
	})
}
