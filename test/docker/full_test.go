//go:build docker

package dockertest

import "testing"

// TestFullImage: the second image (flake output image-full), made as the
// default one from TAGS=full scripts/build-static: docker load names it
// hello-sqlite-full, it prints 55, it has FTS5 and R*Tree, and a zone name
// works from its embedded zone database although the image has no zone
// files.
func TestFullImage(t *testing.T) {
	f := needFullImage(t)
	t.Run("load", func(t *testing.T) {
		if want := "Loaded image: " + f.cfg.Name + ":" + f.cfg.Version + "-test-" + runID + "-load\n"; f.loadOutput != want {
			t.Errorf("docker load printed %q, want %q", f.loadOutput, want)
		}
	})
	for _, c := range []struct {
		name  string
		flags []string
		args  []string
		want  string
	}{
		{"demo", nil, nil, "55\n"},
		{"fts5", nil, []string{":memory:", "CREATE VIRTUAL TABLE t USING fts5(x)",
			"INSERT INTO t VALUES ('one two'), ('three')", "SELECT rowid FROM t WHERE t MATCH 'two'"}, "1\n"},
		{"rtree", nil, []string{":memory:", "CREATE VIRTUAL TABLE r USING rtree(id, x0, x1)",
			"INSERT INTO r VALUES (7, 0, 10), (8, 20, 30)", "SELECT id FROM r WHERE x0 <= 5 AND x1 >= 5"}, "7\n"},
		{"zone name, no zone files", []string{"-e", "TZ=Europe/Berlin"},
			[]string{":memory:", "SELECT datetime('2024-07-01 12:00:00','localtime'), datetime('2024-01-15 12:00:00','localtime')"},
			"2024-07-01 14:00:00|2024-01-15 13:00:00\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			expectOK(t, f.run(t, ctr{flags: c.flags, args: c.args}), c.want)
		})
	}
}
