//go:build e2e

package e2e

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Concurrent writers: several of our shells and several stock shells write
// the same database at once, each in many small transactions, relying on
// the busy timeout (ours by default, `.timeout 5000` for the stock shell).
// No row may be lost, and readers must only ever see whole transactions.

const (
	writerTxns    = 1000 // transactions per writer
	rowsPerTxn    = 2    // rows per transaction: readers must always see a multiple
	readerQueries = 1000 // snapshots taken by each reader
)

func TestConcurrentWriters(t *testing.T) {
	for _, mode := range []string{"wal", "delete"} {
		t.Run(mode, func(t *testing.T) {
			stockSQLite3(t)
			db := filepath.Join(t.TempDir(), "shared.db")
			setup := stock(t, "", "", db, "PRAGMA journal_mode="+mode, "CREATE TABLE t(writer TEXT, n INTEGER, UNIQUE(writer, n))")
			if setup.code != 0 || setup.stdout != mode+"\n" {
				t.Fatalf("setup: status %d, stdout %q, stderr %q", setup.code, setup.stdout, setup.stderr)
			}
			type proc struct {
				name  string
				stock bool
				input string
			}
			var procs []proc
			for i := 1; i <= 2; i++ {
				procs = append(procs,
					proc{fmt.Sprintf("ours%d", i), false, writerScript(fmt.Sprintf("ours%d", i), false)},
					proc{fmt.Sprintf("stock%d", i), true, writerScript(fmt.Sprintf("stock%d", i), true)})
			}
			reader := strings.Repeat("SELECT count(*) % "+fmt.Sprint(rowsPerTxn)+", count(*) FROM t;\n", readerQueries)
			procs = append(procs, proc{"reader-ours", false, reader}, proc{"reader-stock", true, ".timeout 5000\n" + reader})

			start := time.Now()
			results := make([]result, len(procs))
			var wg sync.WaitGroup
			for i, p := range procs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					name := bin
					if p.stock {
						name = stockSQLite3(t)
					}
					results[i] = runCmd(t, exec.Command(name, db), p.input)
				}()
			}
			wg.Wait()
			took := time.Since(start)

			for i, p := range procs {
				r := results[i]
				if !p.stock {
					assertCleanStderr(t, r.stderr)
				}
				if r.code != 0 || r.stderr != "" {
					t.Errorf("%s: status %d, stderr:\n%s", p.name, r.code, r.stderr)
				}
				if strings.HasPrefix(p.name, "reader") {
					snapshots := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
					if len(snapshots) != readerQueries {
						t.Errorf("%s: %d snapshots, want %d", p.name, len(snapshots), readerQueries)
					}
					for _, s := range snapshots {
						if !strings.HasPrefix(s, "0|") {
							t.Errorf("%s saw half a transaction: count %% %d | count = %s", p.name, rowsPerTxn, s)
							break
						}
					}
					t.Logf("%s: first snapshot %s, last %s", p.name, snapshots[0], snapshots[len(snapshots)-1])
				}
			}
			want := fmt.Sprintf("ok\n%d|%d", writerTxns*rowsPerTxn, 4)
			for _, useStock := range []bool{false, true} {
				got := mustQuery(t, useStock, db, `PRAGMA integrity_check;
SELECT min(c), count(*) FROM (SELECT writer, count(*) AS c FROM t GROUP BY writer HAVING c = max(n));`)
				if got != want {
					t.Errorf("afterwards (stock=%v): %q, want %q (integrity, rows of the writer with fewest, writers)", useStock, got, want)
				}
			}
			t.Logf("%s: 4 writers x %d transactions x %d rows + 2 readers x %d queries in %v",
				mode, writerTxns, rowsPerTxn, readerQueries, took.Round(time.Millisecond))
		})
	}
}

// writerScript is the input of one writer: writerTxns transactions of
// rowsPerTxn rows each, numbered 1, 2, ... Durability is not under test
// here, so synchronous=OFF keeps the run short.
func writerScript(name string, stock bool) string {
	var b strings.Builder
	if stock {
		b.WriteString(".timeout 5000\n") // ours waits 5 s by default
	}
	b.WriteString("PRAGMA synchronous=OFF;\n")
	n := 0
	for i := 0; i < writerTxns; i++ {
		b.WriteString("BEGIN IMMEDIATE;\n")
		for j := 0; j < rowsPerTxn; j++ {
			n++
			fmt.Fprintf(&b, "INSERT INTO t VALUES ('%s', %d);\n", name, n)
		}
		b.WriteString("COMMIT;\n")
	}
	return b.String()
}
