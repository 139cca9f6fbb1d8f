//go:build docker

package dockertest

import (
	"strings"
	"testing"
)

// TestDemo: with no arguments the image prints 55, as the non-root user,
// read-only, without network; both ways of making the image.
func TestDemo(t *testing.T) {
	f := needImage(t)
	for _, img := range []string{f.imported, f.loaded} {
		t.Run(img[strings.LastIndex(img, "-")+1:], func(t *testing.T) {
			expectOK(t, f.run(t, ctr{image: img}), "55\n")
		})
	}
	t.Run("runs_as_image_user", func(t *testing.T) {
		// The config names the user; a container started without --user gets it.
		name := uniqueName("ctr")
		c := ctr{name: name}
		expectOK(t, f.run(t, c), "55\n")
		if got := mustDocker(t, "inspect", "-f", "{{.Config.User}}", name); got != f.cfg.User {
			t.Errorf("container user %q, want %q", got, f.cfg.User)
		}
	})
}

// tiny is the table every output mode prints.
const tiny = "CREATE TABLE t(a, b); INSERT INTO t VALUES (1, 'x'), (2, NULL);"

// TestShell: SQL from stdin (docker run -i), as an argument, and every
// output mode once. Expected texts are what the stock sqlite3 3.53 prints.
func TestShell(t *testing.T) {
	f := needImage(t)
	cases := []struct {
		name  string
		args  []string
		stdin string
		want  string
	}{
		{"stdin", []string{":memory:"}, "CREATE TABLE t(a);\nINSERT INTO t VALUES (1), (2);\nSELECT sum(a) FROM t;\n", "3\n"},
		{"stdin_last_statement_without_semicolon", []string{":memory:"}, "SELECT 6*7", "42\n"},
		{"sql_argument", []string{":memory:", "SELECT 1 + 1"}, "", "2\n"},
		{"several_arguments", []string{":memory:", tiny, "SELECT count(*) FROM t"}, "", "2\n"},
		{"list", []string{"-list", ":memory:", tiny, "SELECT * FROM t"}, "", "1|x\n2|\n"},
		{"header", []string{"-header", ":memory:", tiny, "SELECT * FROM t"}, "", "a|b\n1|x\n2|\n"},
		{"csv", []string{"-csv", ":memory:", tiny, "SELECT * FROM t"}, "", "1,x\r\n2,\r\n"},
		{"json", []string{"-json", ":memory:", tiny, "SELECT * FROM t"}, "", "[{\"a\":1,\"b\":\"x\"},\n{\"a\":2,\"b\":null}]\n"},
		{"line", []string{"-line", ":memory:", tiny, "SELECT * FROM t"}, "", "a: 1\nb: x\n\na: 2\nb: \n"},
		{"table", []string{"-table", ":memory:", tiny, "SELECT * FROM t"}, "",
			"+---+---+\n| a | b |\n+---+---+\n| 1 | x |\n| 2 |   |\n+---+---+\n"},
		{"box", []string{"-box", ":memory:", tiny, "SELECT * FROM t"}, "",
			"╭───┬───╮\n│ a │ b │\n╞═══╪═══╡\n│ 1 │ x │\n│ 2 │   │\n╰───┴───╯\n"},
		{"markdown", []string{"-markdown", ":memory:", tiny, "SELECT * FROM t"}, "",
			"| a | b |\n|---|---|\n| 1 | x |\n| 2 |   |\n"},
		{"dot_mode_json_on_stdin", []string{":memory:"}, tiny + "\n.mode json\nSELECT a FROM t WHERE a = 1;\n", "[{\"a\":1}]\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			run := ctr{args: c.args}
			if c.stdin != "" {
				run.stdin = strings.NewReader(c.stdin)
			}
			expectOK(t, f.run(t, run), c.want)
		})
	}
	t.Run("version", func(t *testing.T) {
		r := f.run(t, ctr{args: []string{"-version"}})
		if r.code != 0 || !strings.Contains(r.stdout, "3.54.1") || !strings.Contains(r.stdout, f.cfg.Version) {
			t.Errorf("got %v, want exit 0 and the SQLite version 3.54.1 and ours, %s", r, f.cfg.Version)
		}
	})
}
