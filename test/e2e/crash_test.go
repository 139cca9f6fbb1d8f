//go:build e2e

package e2e

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Crash safety: the shell runs a stream of transactions read from stdin
// and is killed with SIGKILL at a random moment, many times over. After each
// kill both our shell and the stock shell must find the database sound
// (integrity_check), holding only whole transactions: every batch has all
// the rows its transaction wrote (recorded in the same transaction), and
// the balances, which each transaction moves between two accounts, still
// add up. Now and then a transaction is larger than the page cache (SQLite
// then writes pages into the database file before the commit, relying on
// the journal to undo them) and now and then the stream runs VACUUM, so
// kills also land in those.

const (
	crashRows     = 100   // rows per ordinary transaction
	crashBigRows  = 30000 // rows per big transaction: ~3 MB, over the 2 MB page cache
	crashAccounts = 10    // accounts whose balances move
	crashTotal    = 10000 // the sum of all balances, before and after every transaction
	crashRounds   = 12    // kills per journal mode
)

func TestCrashSafety(t *testing.T) {
	for _, mode := range []string{"delete", "wal"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			crashMode(t, mode)
		})
	}
}

// crashMode kills a writing shell crashRounds times on one database in
// the given journal mode and checks the database after each kill.
func crashMode(t *testing.T, mode string) {
	stockSQLite3(t) // fail early when the stock shell is missing
	db := filepath.Join(t.TempDir(), "crash.db")
	setup := fmt.Sprintf(`PRAGMA journal_mode=%s;
CREATE TABLE batch(id INTEGER, i INTEGER, pad BLOB);
CREATE INDEX batch_id ON batch(id);
CREATE TABLE batches(id INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE acct(id INTEGER PRIMARY KEY, bal INTEGER NOT NULL);
INSERT INTO acct(bal) SELECT %d FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < %d) SELECT x FROM c);
`, mode, crashTotal/crashAccounts, crashAccounts)
	if r := hello(t, "", setup, db); r.code != 0 {
		t.Fatalf("setup: status %d, stderr %q", r.code, r.stderr)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 4))
	total, hot := 0, 0
	for round := 0; round < crashRounds; round++ {
		// The kill lands after a random amount of the shell's own work (CPU
		// time), not wall time: on a busy machine the shell may get no CPU
		// for a while, and a wall-clock kill would then find nothing done.
		killAfter := time.Duration(150+rng.IntN(500)) * time.Millisecond
		sent := crashOnce(t, db, round, killAfter, rng)
		if _, err := os.Stat(db + "-journal"); err == nil {
			hot++ // killed inside a transaction: a hot journal to roll back
		}
		// Either shell may be the first to open the crashed database (and
		// roll back its hot journal, or recover its WAL).
		var stored [2]int
		for i, useStock := range []bool{round%2 == 0, round%2 != 0} {
			stored[i] = checkCrashed(t, useStock, db, round)
		}
		if stored[0] != stored[1] {
			t.Fatalf("round %d: the two shells see %d and %d transactions", round, stored[0], stored[1])
		}
		total += stored[0]
		t.Logf("round %d: killed after %v of CPU; %d transactions written to stdin, %d stored", round, killAfter, sent, stored[0])
	}
	if total == 0 {
		t.Fatalf("no transaction was ever committed: the test did not test anything")
	}
	t.Logf("%s mode: %d kills, %d whole transactions stored", mode, crashRounds, total)
	if mode == "delete" {
		t.Logf("%d of %d kills left a hot journal (killed inside a transaction)", hot, crashRounds)
	}
}

// crashOnce starts our shell on db, feeds it transactions and kills it with
// SIGKILL once it has used killAfter of CPU; it returns how many
// transactions it wrote.
func crashOnce(t *testing.T, db string, round int, killAfter time.Duration, rng *rand.Rand) int {
	cmd := exec.Command(bin, db)
	stdin, stderr := startFed(t, cmd)
	sent := make(chan int, 1)
	go func() {
		n := 0
		defer func() { sent <- n }()
		// Keep the file small: drop what earlier rounds stored.
		first := round * 1000000
		if _, err := fmt.Fprintf(stdin, "BEGIN; DELETE FROM batch WHERE id < %d; DELETE FROM batches WHERE id < %d; COMMIT;\n", first, first); err != nil {
			return
		}
		for ; ; n++ {
			rows := crashRows
			if n%8 == 7 {
				rows = crashBigRows
			}
			from, to := rng.IntN(crashAccounts)+1, rng.IntN(crashAccounts)+1
			amount := rng.IntN(100)
			tx := fmt.Sprintf(`BEGIN;
INSERT INTO batch(id, i, pad) SELECT %[1]d, x, randomblob(64) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < %[2]d) SELECT x FROM c);
INSERT INTO batches(id, n) VALUES (%[1]d, %[2]d);
UPDATE acct SET bal = bal - %[3]d WHERE id = %[4]d;
UPDATE acct SET bal = bal + %[3]d WHERE id = %[5]d;
COMMIT;
`, first+n, rows, amount, from, to)
			if n%12 == 11 {
				tx += "VACUUM;\n"
			}
			if _, err := io.WriteString(stdin, tx); err != nil {
				return // the shell is dead
			}
		}
	}()
	waitCPU(t, cmd.Process.Pid, killAfter)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("round %d: the shell ended before the kill: %v (stderr %q)", round, err, stderr.String())
	}
	err := cmd.Wait()
	stdin.Close()
	if code := exitStatus(t, err); code != 128+int(syscall.SIGKILL) {
		t.Fatalf("round %d: status %d, not killed (stderr %q)", round, code, stderr.String())
	}
	assertCleanStderr(t, stderr.String())
	if stderr.Len() != 0 {
		t.Fatalf("round %d: errors before the kill: %s", round, stderr.String())
	}
	return <-sent
}

// checkCrashed checks a crashed database with our shell or the stock one
// and returns the number of transactions stored by round.
func checkCrashed(t *testing.T, useStock bool, db string, round int) int {
	t.Helper()
	out := mustQuery(t, useStock, db, fmt.Sprintf(`PRAGMA integrity_check;
SELECT count(*) FROM batches b WHERE n <> (SELECT count(*) FROM batch WHERE id = b.id);
SELECT count(*) FROM (SELECT DISTINCT id FROM batch) WHERE id NOT IN (SELECT id FROM batches);
SELECT sum(bal), count(*) FROM acct;
SELECT count(*) FROM batches WHERE id >= %d;`, round*1000000))
	lines := strings.Split(out, "\n")
	want := fmt.Sprintf("ok\n0\n0\n%d|%d", crashTotal, crashAccounts)
	var stored int
	if len(lines) != 5 || strings.Join(lines[:4], "\n") != want {
		who := map[bool]string{true: "stock sqlite3", false: "hello-sqlite"}[useStock]
		t.Fatalf("%s after kill %d: got\n%s\nwant\n%s\n<transactions stored>", who, round, out, want)
	}
	fmt.Sscan(lines[4], &stored)
	return stored
}
