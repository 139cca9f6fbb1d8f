package sqlfuncs

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Each query of testdata/cases.sql runs on a connection with Register's
// functions and must print what testdata/cases.golden says the stock sqlite3
// 3.53 shell prints. -update rewrites the golden file by running the stock
// shell; -stock runs it too and checks it still prints the golden output
// (each run of the stock shell's wrapper costs about 0.2 s of CPU, so this
// is not done by default; test/e2e's differential cases run it on every
// function through the whole binary).
//
//	go test ./internal/sqlfuncs -update   # after adding cases
//	go test ./internal/sqlfuncs -stock    # after a stock shell update

var (
	update    = flag.Bool("update", false, "rewrite testdata/cases.golden from the stock sqlite3 shell")
	withStock = flag.Bool("stock", false, "also check the stock sqlite3 shell still prints testdata/cases.golden")
)

// fixture makes the folder the cases run in: a.txt, sub/b.bin and lnk -> sub,
// with fixed times and modes.
func fixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	when := time.Unix(1577934245, 0)
	must(os.WriteFile(filepath.Join(dir, "a.txt"), []byte("hello\n"), 0o644))
	must(os.Chmod(filepath.Join(dir, "a.txt"), 0o644))
	must(os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	must(os.Chmod(filepath.Join(dir, "sub"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "sub", "b.bin"), []byte{0, 0xff}, 0o600))
	must(os.Chmod(filepath.Join(dir, "sub", "b.bin"), 0o600))
	must(os.Symlink("sub", filepath.Join(dir, "lnk")))
	for _, p := range []string{"a.txt", "sub/b.bin", "sub"} {
		must(os.Chtimes(filepath.Join(dir, p), when, when))
	}
	return dir
}

// readCases returns the queries of testdata/cases.sql.
func readCases(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/cases.sql")
	if err != nil {
		t.Fatal(err)
	}
	var qs []string
	for _, line := range strings.Split(string(data), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			qs = append(qs, line)
		}
	}
	return qs
}

// golden reads testdata/cases.golden: "-- QUERY" lines, each followed by
// what it prints.
func golden(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile("testdata/cases.golden")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	var q string
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if s, ok := strings.CutPrefix(line, "-- "); ok {
			q = strings.TrimSuffix(s, "\n")
			want[q] = ""
			continue
		}
		want[q] += line
	}
	return want
}

// ours runs q on conn: rows as "a|b|c" lines (NULL empty), then
// "error: MESSAGE" if it fails.
func ours(conn *sqlite3.Conn, q string) string {
	var b strings.Builder
	stmt, _, err := conn.Prepare(q)
	if err == nil {
		for stmt.Step() {
			for i := range stmt.ColumnCount() {
				if i > 0 {
					b.WriteByte('|')
				}
				b.WriteString(stmt.ColumnText(i))
			}
			b.WriteByte('\n')
		}
		err = stmt.Close()
	}
	if err != nil {
		b.WriteString("error: " + errText(err) + "\n")
	}
	return b.String()
}

// stockPath is the stock shell, $STOCK_SQLITE3 or ../shared/bin/stock-sqlite3
// beside the repository, when -update or -stock asks for it; "" otherwise.
func stockPath(t *testing.T) string {
	if !*update && !*withStock {
		return ""
	}
	p := os.Getenv("STOCK_SQLITE3")
	if p == "" {
		p = filepath.Join("..", "..", "..", "shared", "bin", "stock-sqlite3")
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("the stock sqlite3 shell is missing: %v", err)
	}
	p, _ = filepath.Abs(p)
	return p
}

// stock runs q with the stock shell in dir, in the form ours prints.
func stock(t *testing.T, shell, dir, q string) string {
	cmd := exec.Command(shell, ":memory:", q)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	s := out.String()
	if e := errb.String(); e != "" {
		msg, ok := strings.CutPrefix(e, "Error in 2nd command line argument: ")
		if !ok {
			t.Fatalf("stock shell on %q: unexpected stderr %q", q, e)
		}
		s += "error: " + msg
	}
	return s
}

func TestAgainstStockShell(t *testing.T) {
	cases := readCases(t)
	shell := stockPath(t)

	// The stock shell's view, in a fixture of its own.
	var fromStock map[string]string
	if shell != "" {
		dir := fixture(t)
		fromStock = map[string]string{}
		for _, q := range cases {
			out := stock(t, shell, dir, strings.ReplaceAll(q, "$DIR", dir))
			fromStock[q] = strings.ReplaceAll(out, dir, "$DIR")
		}
	}
	if *update {
		var b strings.Builder
		for _, q := range cases {
			b.WriteString("-- " + q + "\n" + fromStock[q])
		}
		if err := os.WriteFile("testdata/cases.golden", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := golden(t)

	dir := fixture(t)
	t.Chdir(dir)
	conn := openRegistered(t)
	for _, q := range cases {
		w, ok := want[q]
		if !ok {
			t.Errorf("%s\nnot in testdata/cases.golden (run go test -update)", q)
			continue
		}
		if fromStock != nil && fromStock[q] != w {
			t.Errorf("%s\nstock shell now prints:\n%s\ngolden file says:\n%s", q, fromStock[q], w)
		}
		got := strings.ReplaceAll(ours(conn, strings.ReplaceAll(q, "$DIR", dir)), dir, "$DIR")
		if got != w {
			t.Errorf("%s\ngot:\n%s\nwant (stock sqlite3 3.53):\n%s", q, got, w)
		}
	}
}

// edit(TEXT) runs $VISUAL (the stock shell's editFunc reads no $EDITOR),
// and without it says "no editor for edit()".
func TestEditVisual(t *testing.T) {
	t.Chdir(t.TempDir())
	conn := openRegistered(t)
	t.Setenv("EDITOR", "sed -i s/a/E/")
	t.Setenv("VISUAL", "sed -i s/a/V/")
	if got := ours(conn, "select edit('abc')"); got != "Vbc\n" {
		t.Errorf("with VISUAL: %q", got)
	}
	os.Unsetenv("VISUAL") // restored by t.Setenv's cleanup
	if got := ours(conn, "select edit('abc')"); got != "error: no editor for edit()\n" {
		t.Errorf("without VISUAL: %q", got)
	}
}

// openRegistered opens an in-memory database with the functions
// registered, closed when the test ends.
func openRegistered(t *testing.T) *sqlite3.Conn {
	t.Helper()
	conn, err := sqlite3.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if err := Register(conn); err != nil {
		t.Fatal(err)
	}
	return conn
}
