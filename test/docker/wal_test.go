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
// dot-command) and a small load of eight (-cmd ".timeout 120000").
//
// Containers started one after another need not overlap on a busy machine,
// so a gate makes them: a container holds the write lock while the writers
// start; each writer registers in ready.db, then blocks on its first insert
// in its busy timeout (long enough for all of them to start). Once every
// writer has registered, and no row is in yet, the gate lets them go
// together.
func TestConcurrentWriters(t *testing.T) {
	f := needImage(t)
	cases := []struct {
		name    string
		writers int
		rows    int // per writer
		timeout []string
	}{
		{"two_writers_wal_volume", 2, 500, []string{".timeout 120000"}},
		{"load_eight_writers", 8, 200, []string{"-cmd", ".timeout 120000"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			vol := newVolume(t)
			initVolume(t, f, vol)
			mount := []string{"-v", vol + ":/data"}
			expectOK(t, f.run(t, ctr{flags: mount, args: []string{"/data/w.db",
				"PRAGMA journal_mode = WAL", "CREATE TABLE t(w INTEGER, i INTEGER, UNIQUE(w, i))",
				"ATTACH '/data/ready.db' AS ready", "CREATE TABLE ready.r(w INTEGER)"}}), "wal\n")

			gate := holdWriteLock(t, f, mount, "/data/w.db")
			var names []string
			for w := 1; w <= c.writers; w++ {
				var sql strings.Builder
				fmt.Fprintf(&sql, "ATTACH '/data/ready.db' AS ready;\nINSERT INTO ready.r VALUES (%d);\n", w)
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
			pollUntil(t, "every writer registered and none has written", func() (bool, string) {
				r := f.run(t, ctr{flags: mount, args: []string{"-readonly", "/data/w.db", ".timeout 120000", "ATTACH '/data/ready.db' AS ready",
					"SELECT (SELECT count(DISTINCT w) FROM ready.r), (SELECT count(*) FROM t)"}})
				ready, written, ok := strings.Cut(strings.TrimSpace(r.stdout), "|")
				if r.code != 0 || !ok {
					t.Fatalf("probe: %v", r)
				}
				if written != "0" {
					t.Fatalf("%s rows written while the gate held the write lock", written)
				}
				for _, n := range names { // a writer that ended early would never register
					if mustDocker(t, "inspect", "-f", "{{.State.Running}}", n) != "true" {
						out, errs := logs(t, n)
						t.Fatalf("writer %s ended while the gate was closed: stdout %q, stderr %q", n, out, errs)
					}
				}
				return ready == strconv.Itoa(c.writers), ready + " of " + strconv.Itoa(c.writers) + " writers registered"
			})
			began := time.Now()
			gate.release()
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
			t.Logf("%d writers x %d single-row transactions = %d rows in %v after the gate opened, %d switches between writers",
				c.writers, c.rows, want, took.Round(time.Millisecond), switches)
		})
	}
}
