//go:build docker

package dockertest

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// thinkTime is a read-only statement that prints nothing and takes about 2 ms
// of CPU outside any write transaction, so writers run long enough to overlap
// and take turns at the write lock instead of finishing one after the other.
const thinkTime = `SELECT 1 FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000) SELECT max(x) AS m FROM c) WHERE m < 0;`

// TestConcurrentWriters: containers writing one WAL database on a named
// volume at the same time, each row its own transaction, with a busy
// timeout: no row lost, the database sound. Two writers (the .timeout
// dot-command) and a small load of eight (-cmd ".timeout 5000").
func TestConcurrentWriters(t *testing.T) {
	f := needImage(t)
	cases := []struct {
		name    string
		writers int
		rows    int // per writer
		timeout []string
	}{
		{"two_writers_wal_volume", 2, 500, []string{".timeout 5000"}},
		{"load_eight_writers", 8, 200, []string{"-cmd", ".timeout 5000"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			vol := newVolume(t)
			initVolume(t, f, vol)
			mount := []string{"-v", vol + ":/data"}
			expectOK(t, f.run(t, ctr{flags: mount, args: []string{"/data/w.db",
				"PRAGMA journal_mode = WAL", "CREATE TABLE t(w INTEGER, i INTEGER, UNIQUE(w, i))"}}), "wal\n")

			var names []string
			began := time.Now()
			for w := 1; w <= c.writers; w++ {
				var sql strings.Builder
				for i := 1; i <= c.rows; i++ {
					fmt.Fprintf(&sql, "INSERT INTO t VALUES (%d, %d);\n%s\n", w, i, thinkTime)
				}
				args := append([]string{"/data/w.db"}, c.timeout...)
				if c.timeout[0] == "-cmd" { // options go before the file name
					args = append(append([]string{}, c.timeout...), "/data/w.db")
				}
				names = append(names, f.create(t, ctr{flags: mount, args: append(args, sql.String())}))
			}
			mustDocker(t, append([]string{"start"}, names...)...)
			for _, n := range names {
				if code := wait(t, n); code != 0 {
					out, errs := logs(t, n)
					t.Errorf("writer %s: exit %d, stdout %q, stderr %q", n, code, out, errs)
				}
			}
			took := time.Since(began)
			want := c.writers * c.rows
			expectOK(t, f.run(t, ctr{flags: mount, args: []string{"/data/w.db",
				"SELECT count(*), count(DISTINCT w) FROM t", "PRAGMA integrity_check", "PRAGMA journal_mode"}}),
				fmt.Sprintf("%d|%d\nok\nwal\n", want, c.writers))
			// Were they really writing at the same time? Count the places where
			// consecutive rows come from different writers.
			r := f.run(t, ctr{flags: mount, args: []string{"/data/w.db",
				"SELECT count(*) FROM t a JOIN t b ON b.rowid = a.rowid + 1 WHERE a.w <> b.w"}})
			switches, _ := strconv.Atoi(strings.TrimSpace(r.stdout))
			if !t.Failed() && switches < c.writers {
				t.Errorf("writers barely overlapped (%d switches between writers): the test proves little", switches)
			}
			t.Logf("%d writers x %d single-row transactions = %d rows in %v, %d switches between writers",
				c.writers, c.rows, want, took.Round(time.Millisecond), switches)
		})
	}
}
