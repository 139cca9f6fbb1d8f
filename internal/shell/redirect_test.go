package shell

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// .output and .once "|CMD" write to CMD's input, the rest of the line
// being the command, and wait for it when the redirection ends; .read
// "|CMD" reads CMD's output. (The commands write to files: their stdout
// is the process's, not the shell's writer.)
func TestPipes(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "c")
	script := ".output |tr a-z A-Z >" + a + "\nSELECT 'one';\n.show\n.output\n" +
		".once '|sort -r' >" + b + "\nVALUES('x'),('y');\n" +
		"SELECT 'back';\n.read '|printf \"SELECT 2;\\n.print three\\n\"'\n" +
		".output |cat >" + c + "\nSELECT 'open at the end';\n"
	var out, errs bytes.Buffer
	err := Run(context.Background(), "test", []string{":memory:"}, strings.NewReader(script), &out, &errs)
	if err != nil || out.String() != "back\n2\nthree\n" || errs.Len() > 0 {
		t.Errorf("err %v, stdout %q, stderr %q", err, out.String(), errs.String())
	}
	got, _ := os.ReadFile(a)
	if !strings.HasPrefix(string(got), "ONE\n") || !strings.Contains(string(got), "OUTPUT: |TR A-Z A-Z >") {
		t.Errorf(".output pipe gave %q", got)
	}
	if got, _ := os.ReadFile(b); string(got) != "y\nx\n" {
		t.Errorf(".once pipe gave %q", got)
	}
	if got, _ := os.ReadFile(c); string(got) != "open at the end\n" {
		t.Errorf("pipe still open at the end: %q (not closed and waited for?)", got)
	}
}
