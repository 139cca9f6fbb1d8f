//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"
)

// The image has no /bin/sh: edit(), .import and .read "|CMD" and
// .output/.once |CMD fail with clear errors (the script goes on, output to
// stdout, status 1), never a crash, and edit()'s temp file is gone.
func TestEmptyRootNoSystemShell(t *testing.T) {
	root := emptyRoot(t, rootDir{"/data", true})
	r := runCmd(t, inRoot(root, []string{"TMPDIR=/data"}, ":memory:"),
		"SELECT edit('x', 'true');\n.import \"|echo 1\" t\n.output |cat\nSELECT 'to stdout';\n"+
			".once |cat\n.read '|echo SELECT 1;'\nSELECT 'after';\n")
	assertCleanStderr(t, r.stderr)
	const wantErr = "Error near line 1: edit() cannot run the editor: /bin/sh: no such file or directory\n" +
		"line 2: cannot open \"|echo 1\"\n" +
		"Error: cannot open pipe \"cat\"\nError: cannot open pipe \"cat\"\n" +
		"Error: cannot open \"|echo SELECT 1;\"\n"
	const wantOut = "to stdout\nafter\n"
	if r.code != 1 || r.stdout != wantOut || r.stderr != wantErr {
		t.Errorf("status %d, stdout %q, stderr:\n%s\nwant 1, %q, stderr:\n%s", r.code, r.stdout, r.stderr, wantOut, wantErr)
	}
	if ents, _ := os.ReadDir(filepath.Join(root, "data")); len(ents) != 0 {
		t.Errorf("left in /data: %v", ents)
	}
}
