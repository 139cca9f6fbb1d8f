// Command profile-workload writes a CPU profile of bench/run's shell workload
// and of the demo, run through ncruces/go-sqlite3 the way hello-sqlite runs
// them (same module versions as the main module), for use as default.pgo:
// profile-guided optimisation matches functions by package path and name, so
// a profile of the engine taken here applies to hello-sqlite's build.
//
//	profile-workload -sql workload.sql -o default.pgo [-runs 3] [-demos 300]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

func main() {
	sqlFile := flag.String("sql", "", "the workload script (bench/workload.sql.in with @ROWS@ replaced)")
	out := flag.String("o", "default.pgo", "CPU profile written here")
	runs := flag.Int("runs", 3, "times the workload runs, each on a fresh database")
	demos := flag.Int("demos", 300, "times the demo runs")
	flag.BoolVar(&timer, "timer", false, "print each workload statement's time on stderr")
	flag.Parse()
	if err := run(*sqlFile, *out, *runs, *demos); err != nil {
		fmt.Fprintln(os.Stderr, "profile-workload:", err)
		os.Exit(1)
	}
}

func run(sqlFile, out string, runs, demos int) error {
	script, err := os.ReadFile(sqlFile)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "profile-workload")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		return err
	}
	for i := range runs {
		if err := workload(filepath.Join(dir, fmt.Sprintf("w%d.db", i)), string(script), io.Discard); err != nil {
			return err
		}
	}
	for range demos {
		if err := workload(":memory:", demoSQL, io.Discard); err != nil {
			return err
		}
	}
	pprof.StopCPUProfile()
	return f.Close()
}

var timer bool

const demoSQL = `CREATE TABLE foo (x INTEGER); INSERT INTO foo VALUES (1); INSERT INTO foo VALUES (2);
INSERT INTO foo VALUES (3); INSERT INTO foo VALUES (4); INSERT INTO foo VALUES (5); INSERT INTO foo VALUES (6);
INSERT INTO foo VALUES (7); INSERT INTO foo VALUES (8); INSERT INTO foo VALUES (9); INSERT INTO foo VALUES (10);
SELECT SUM(x) FROM foo;`

// workload runs every statement of script and prints its rows as list mode
// does (columns joined by "|"), like the shell.
func workload(path, script string, w io.Writer) error {
	db, err := sqlite3.Open(path)
	if err != nil {
		return err
	}
	defer db.Close()
	var line strings.Builder
	for sql := strings.TrimSpace(script); sql != ""; {
		stmt, tail, err := db.Prepare(sql)
		if err != nil {
			return err
		}
		sql = strings.TrimSpace(tail)
		if stmt == nil { // only comments or spaces
			continue
		}
		start := time.Now()
		for stmt.Step() {
			line.Reset()
			for c := range stmt.ColumnCount() {
				if c > 0 {
					line.WriteByte('|')
				}
				line.WriteString(stmt.ColumnText(c))
			}
			line.WriteByte('\n')
			if _, err := io.WriteString(w, line.String()); err != nil {
				stmt.Close()
				return err
			}
		}
		if err := stmt.Close(); err != nil {
			return err
		}
		if timer && path != ":memory:" {
			fmt.Fprintf(os.Stderr, "%8.3f s  %.60s\n", time.Since(start).Seconds(), strings.Join(strings.Fields(stmt.SQL()), " "))
		}
	}
	return nil
}
