//go:build docker

package dockertest

import (
	"os"
	"testing"
)

// bigRows: enough rows (about 25 MB) that sorting and indexing overflow
// SQLite's default 2 MB page cache, so SQLite needs temporary storage.
const bigRows = "250000"

// fillBig makes big(k, v): k and v are both permutations of 0..bigRows-1
// (multiplying by a prime coprime to 250000), v padded to 80 characters.
const fillBig = `CREATE TABLE big(k INTEGER, v TEXT);
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ` + bigRows + `)
INSERT INTO big SELECT (i * 7919) % ` + bigRows + `, printf('%080d', (i * 104729) % ` + bigRows + `) FROM s;`

// TestTempFiles: work that needs SQLite temp files, with the read-only root
// and no /tmp in the image: CREATE INDEX on a big table, VACUUM, ORDER BY and
// DISTINCT on big unindexed data into a temp table; on a :memory: database
// with no volume at all. And the documented ways to keep temp files off the
// volume: a tmpfs at /tmp, or SQLITE_TMPDIR naming one.
func TestTempFiles(t *testing.T) {
	f := needImage(t)
	dir := ownedDir(t, 65534, 65534)
	mount := []string{"-v", dir + ":/data"}
	db := "/data/big.db"
	expectOK(t, f.run(t, ctr{flags: mount, args: []string{db, fillBig, "SELECT count(*) FROM big"}}), bigRows+"\n")

	cases := []struct {
		name  string
		flags []string
		sql   []string
		want  string
	}{
		{"order_by_into_temp_table", nil, []string{
			"CREATE TEMP TABLE sorted AS SELECT k, v FROM big ORDER BY k",
			"SELECT count(*) FROM sorted",
			"SELECT count(*) FROM sorted a JOIN sorted b ON b.rowid = a.rowid + 1 WHERE b.k < a.k",
		}, bigRows + "\n0\n"},
		{"distinct_unindexed", nil, []string{"SELECT count(*) FROM (SELECT DISTINCT v FROM big)"}, bigRows + "\n"},
		{"create_index", nil, []string{"CREATE INDEX big_v ON big(v)", "PRAGMA integrity_check"}, "ok\n"},
		{"vacuum", nil, []string{"VACUUM", "PRAGMA integrity_check", "SELECT count(*) FROM big"}, "ok\n" + bigRows + "\n"},
		{"tmpfs_at_tmp", []string{"--tmpfs", "/tmp:rw,size=256m"},
			[]string{"VACUUM", "SELECT count(*) FROM (SELECT DISTINCT k FROM big)"}, bigRows + "\n"},
		{"sqlite_tmpdir_on_tmpfs", []string{"--tmpfs", "/scratch:rw,size=256m", "-e", "SQLITE_TMPDIR=/scratch"},
			[]string{"VACUUM", "SELECT count(*) FROM (SELECT k FROM big ORDER BY v DESC LIMIT -1 OFFSET 10)"}, "249990\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := f.run(t, ctr{flags: append(append([]string{}, mount...), c.flags...), args: append([]string{db}, c.sql...)})
			expectOK(t, r, c.want)
		})
	}
	t.Run("nothing_left_in_the_volume", func(t *testing.T) {
		// Temp files, wherever the program puts them, do not pile up.
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if len(names) != 1 || names[0] != "big.db" {
			t.Errorf("volume holds %q, want only big.db", names)
		}
	})
	t.Run("memory_database_without_tmp", func(t *testing.T) {
		// No volume at all: nowhere to write, so temp data must stay in memory.
		r := f.run(t, ctr{args: []string{":memory:", fillBig,
			"CREATE INDEX big_v ON big(v)",
			"SELECT count(*) FROM (SELECT k FROM big ORDER BY v DESC LIMIT -1 OFFSET 10)"}})
		expectOK(t, r, "249990\n")
	})
}
