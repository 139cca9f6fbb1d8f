//go:build e2e

package e2e

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"
)

// TestNoArgs: without arguments the program is the demo ("nix run",
// "docker run IMAGE", which gives /dev/null as stdin without -i) when stdin
// is a terminal, /dev/null or empty, and the shell with no FILENAME when a
// script comes on stdin (compared with the stock shell in
// testdata/diff/noargs-*.case).
func TestNoArgs(t *testing.T) {
	devnull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	_, slave := openPTY(t, readyDeadline)
	for _, c := range []struct {
		name  string
		stdin *os.File // nil: the text in script, on a pipe
		text  string
		want  string
	}{
		{name: "/dev/null", stdin: devnull, want: "55\n"},
		{name: "a terminal", stdin: slave, want: "55\n"},
		{name: "an empty pipe", want: "55\n"},
		{name: "a script", text: "SELECT 6*7;\n", want: "42\n"},
		{name: "one byte", text: ";", want: ""}, // a script, empty: no demo
	} {
		t.Run(c.name, func(t *testing.T) {
			// A deadline: a demo that read the terminal would wait for ever.
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin)
			if c.stdin != nil {
				cmd.Stdin = c.stdin
			}
			r := runCmd(t, cmd, c.text)
			if r.code != 0 || r.stdout != c.want || r.stderr != "" {
				t.Errorf("status %d, stdout %q, stderr %q; want 0, %q and nothing", r.code, r.stdout, r.stderr, c.want)
			}
		})
	}
}
