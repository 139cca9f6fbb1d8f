//go:build docker

package dockertest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// forever counts without end: a query that only a signal stops.
const forever = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "

// TestDockerStop: docker stop (SIGTERM to the program, PID 1) during a long
// query: the container ends in under a second (plus twice what docker stop
// of an idle shell takes now, see signalLimit), its status says the signal ended it (143 for
// SIGTERM; 130 is accepted), and the database is sound, without the
// half-done transaction.
func TestDockerStop(t *testing.T) {
	f := needImage(t)
	const rows = 1000
	cases := []struct {
		name    string
		journal string // "": no database file (a read on :memory:)
		sql     string
	}{
		{"read_query", "", forever + "SELECT count(*) FROM c"},
		{"write_transaction_rollback_journal", "delete",
			forever + "INSERT INTO t SELECT x, randomblob(100) FROM c"},
		{"write_transaction_wal", "wal",
			forever + "INSERT INTO t SELECT x, randomblob(100) FROM c"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := ownedDir(t, 65534, 65534)
			mount := []string{"-v", dir + ":/data"}
			db := ":memory:"
			if c.journal != "" {
				db = "/data/app.db"
				expectOK(t, f.run(t, ctr{flags: mount, args: []string{db,
					"PRAGMA journal_mode = " + c.journal,
					"CREATE TABLE t(x INTEGER, b BLOB)",
					fmt.Sprintf("%sINSERT INTO t SELECT x, randomblob(100) FROM c LIMIT %d", forever, rows)}}),
					c.journal+"\n")
			}
			before := idleStop(t, f)
			name := f.start(t, ctr{flags: mount, args: []string{db, c.sql}})
			waitRunning(t, name)
			if c.journal != "" {
				// The transaction is under way once it writes the journal or WAL.
				side := map[string]string{"delete": "-journal", "wal": "-wal"}[c.journal]
				waitFileSize(t, filepath.Join(dir, "app.db"+side), 1)
			}
			waitContainerCPU(t, name, 200*time.Millisecond) // deep into the query
			if running := mustDocker(t, "inspect", "-f", "{{.State.Running}}", name); running != "true" {
				out, errs := logs(t, name)
				t.Fatalf("the long query ended by itself: stdout %q, stderr %q", out, errs)
			}

			began := time.Now()
			mustDocker(t, "stop", "-t", "5", name) // then SIGKILL: status 137
			took := time.Since(began)
			code := mustDocker(t, "inspect", "-f", "{{.State.ExitCode}}", name)
			_, stderr := logs(t, name)
			t.Logf("docker stop returned in %d ms; exit status %s; stderr %q", took.Milliseconds(), code, stderr)
			if limit := signalLimit(t, f, before); took >= limit {
				t.Errorf("docker stop took %v, want under %v", took, limit)
			}
			if code != "143" && code != "130" {
				t.Errorf("exit status %s, want 143 (SIGTERM) or 130", code)
			}
			if strings.Contains(stderr, "goroutine ") {
				t.Errorf("Go panic trace on stderr: %q", stderr)
			}
			if c.journal != "" {
				expectOK(t, f.run(t, ctr{flags: mount, args: []string{db, "PRAGMA integrity_check", "SELECT count(*) FROM t"}}),
					fmt.Sprintf("ok\n%d\n", rows))
			}
		})
	}
}

// TestSIGINT: docker kill --signal INT (what Ctrl-C sends to an attached
// docker run -it) interrupts a long query: exit 130, promptly.
func TestSIGINT(t *testing.T) {
	f := needImage(t)
	before := idleStop(t, f)
	name := f.start(t, ctr{args: []string{":memory:", forever + "SELECT count(*) FROM c"}})
	waitRunning(t, name)
	waitContainerCPU(t, name, 200*time.Millisecond)
	began := time.Now()
	mustDocker(t, "kill", "--signal", "INT", name)
	code := wait(t, name)
	took := time.Since(began)
	_, stderr := logs(t, name)
	t.Logf("SIGINT: exit %d after %d ms; stderr %q", code, took.Milliseconds(), stderr)
	if code != 130 {
		t.Errorf("exit status %d, want 130", code)
	}
	if limit := signalLimit(t, f, before); took >= limit {
		t.Errorf("took %v, want under %v", took, limit)
	}
}

// rowsPerTxn: each transaction of the kill test inserts this many rows with
// its batch number, in separate statements.
const rowsPerTxn = 10

// TestDockerKill: docker kill (SIGKILL) in the middle of a stream of
// transactions on stdin leaves only whole transactions, a prefix of the
// stream, and a sound database.
func TestDockerKill(t *testing.T) {
	f := needImage(t)
	for _, journal := range []string{"delete", "wal"} {
		t.Run(journal, func(t *testing.T) {
			dir := ownedDir(t, 65534, 65534)
			mount := []string{"-v", dir + ":/data"}
			db := "/data/app.db"
			expectOK(t, f.run(t, ctr{flags: mount, args: []string{db,
				"PRAGMA journal_mode = " + journal, "CREATE TABLE t(batch INTEGER, i INTEGER, b BLOB)"}}), journal+"\n")

			c := ctr{flags: mount, args: []string{db}, stdin: &txnStream{max: 1_000_000}}
			keep(t, &c)
			done := make(chan result, 1)
			go func() { done <- docker(c.stdin, c.runArgs(f)...) }()

			// Writes are landing once the file grows past its first pages.
			grows := map[string]string{"delete": "", "wal": "-wal"}[journal]
			waitFileSize(t, filepath.Join(dir, "app.db"+grows), 256<<10)
			mustDocker(t, "kill", c.name)
			r := <-done
			if code := mustDocker(t, "inspect", "-f", "{{.State.ExitCode}}", c.name); code != "137" {
				t.Fatalf("exit status %s, want 137 (SIGKILL): the writer was not killed mid-stream: %v", code, r)
			}

			out := f.run(t, ctr{flags: mount, args: []string{db,
				fmt.Sprintf("SELECT count(*) FROM (SELECT batch FROM t GROUP BY batch HAVING count(*) <> %d)", rowsPerTxn),
				"SELECT count(DISTINCT batch), coalesce(max(batch), 0) FROM t",
				"PRAGMA integrity_check"}})
			lines := strings.Split(out.stdout, "\n")
			if out.code != 0 || len(lines) != 4 || lines[0] != "0" || lines[2] != "ok" {
				t.Fatalf("after the kill: %v; want 0 partial batches, then counts, then ok", out)
			}
			distinct, last, _ := strings.Cut(lines[1], "|")
			if n, _ := strconv.Atoi(distinct); n == 0 || distinct != last {
				t.Errorf("batches present %s, last %s: want a non-empty prefix 1..last", distinct, last)
			}
			t.Logf("%s: killed after %s whole transactions of %d rows", journal, distinct, rowsPerTxn)
		})
	}
}

// txnStream is an endless-looking script: transaction after transaction,
// each inserting rowsPerTxn rows of its batch number.
type txnStream struct {
	batch, max int
	buf        []byte
}

func (s *txnStream) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		if s.batch >= s.max {
			return 0, io.EOF
		}
		s.batch++
		var b strings.Builder
		b.WriteString("BEGIN;\n")
		for i := 1; i <= rowsPerTxn; i++ {
			fmt.Fprintf(&b, "INSERT INTO t VALUES (%d, %d, randomblob(200));\n", s.batch, i)
		}
		b.WriteString("COMMIT;\n")
		s.buf = []byte(b.String())
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

// waitFileSize waits until the file exists with at least min bytes.
func waitFileSize(t *testing.T, path string, min int64) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if fi, err := os.Stat(path); err == nil && fi.Size() >= min {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s did not reach %d bytes in 30 s: the statements are not running", filepath.Base(path), min)
}
