//go:build docker

package dockertest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestClearErrors: a file that is not a database and volumes the image's
// user cannot write give a readable error and a failing status, and leave the
// file as it was.
func TestClearErrors(t *testing.T) {
	f := needImage(t)

	t.Run("not_a_database", func(t *testing.T) {
		dir := ownedDir(t, 65534, 65534)
		path := filepath.Join(dir, "notes.txt")
		text := []byte(strings.Repeat("These are notes, not a database.\n", 200))
		if err := os.WriteFile(path, text, 0o644); err != nil {
			t.Fatal(err)
		}
		if os.Getuid() == 0 {
			os.Chown(path, 65534, 65534) // writable: prove that nothing writes to it
		}
		r := f.run(t, ctr{flags: []string{"-v", dir + ":/data"},
			args: []string{"/data/notes.txt", "CREATE TABLE t(a)"}})
		expectClearError(t, r, "not a database")
		if got, _ := os.ReadFile(path); !bytes.Equal(got, text) {
			t.Errorf("the file was changed")
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("files left beside it: %v", entries)
		}
	})

	t.Run("read_only_mount", func(t *testing.T) {
		dir := ownedDir(t, 65534, 65534)
		expectOK(t, f.run(t, ctr{flags: []string{"-v", dir + ":/data"},
			args: []string{"/data/app.db", "CREATE TABLE t(a); INSERT INTO t VALUES (7);"}}), "")
		ro := []string{"-v", dir + ":/data:ro"}
		r := f.run(t, ctr{flags: ro, args: []string{"/data/app.db", "INSERT INTO t VALUES (8)"}})
		expectClearError(t, r, "readonly", "read-only", "unable to open")
		t.Run("still_reads", func(t *testing.T) {
			// As with the stock shell, a database on a read-only mount opens
			// read-only: reading it works.
			expectOK(t, f.run(t, ctr{flags: ro, args: []string{"/data/app.db", "SELECT a FROM t"}}), "7\n")
		})
	})

	t.Run("named_volume_not_initialised", func(t *testing.T) {
		// A new named volume is root-owned 0755: the non-root user cannot
		// create a database in it until it is initialised (see initVolume).
		vol := newVolume(t)
		r := f.run(t, ctr{flags: []string{"-v", vol + ":/data"}, args: []string{"/data/app.db", "CREATE TABLE t(a)"}})
		expectClearError(t, r, "unable to open", "readonly", "permission denied")
	})

	t.Run("root_owned_folder", func(t *testing.T) {
		if os.Getuid() != 0 {
			t.Skip("needs root to make a root-owned folder")
		}
		dir := t.TempDir()
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		r := f.run(t, ctr{flags: []string{"-v", dir + ":/data"}, args: []string{"/data/app.db", "CREATE TABLE t(a)"}})
		expectClearError(t, r, "unable to open", "readonly", "permission denied")
	})
}
