package shell

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// .stats ?on|off|stmt|vmstep?: after each statement, print the connection's
// and the statement's counters, as the stock shell's display_stats does
// ("stmt" adds the result columns, "vmstep" prints only the VM steps);
// .stats alone prints them now. The process-wide counters the stock shell
// starts with (Memory Used, Outstanding Allocations, Largest Allocation,
// Pcache Overflow) come from sqlite3_status, which the Wasm build does not
// export, so they are left out.

const (
	statsOff = iota
	statsOn
	statsStmt
	statsVMStep
)

func dotStats(s *shell, args []string) error {
	switch len(args) {
	case 2:
		switch args[1] {
		case "stmt":
			s.ported.stats = statsStmt
		case "vmstep":
			s.ported.stats = statsVMStep
		default:
			s.ported.stats = statsOff
			if s.booleanValue(args[1]) {
				s.ported.stats = statsOn
			}
		}
		return nil
	case 1:
		s.displayStats(nil)
		return nil
	}
	return s.stockError("Usage: .stats ?on|off|stmt|vmstep?")
}

// displayStats prints the counters, with stmt's when not nil.
func (s *shell) displayStats(stmt *sqlite3.Stmt) {
	w := s.out
	if stmt != nil && s.ported.stats == statsStmt {
		n := stmt.ColumnCount()
		fmt.Fprintf(w, "%-36s %d\n", "Number of output columns:", n)
		for i := 0; i < n; i++ {
			col := fmt.Sprintf("Column %d ", i)
			fmt.Fprintf(w, "%-36s %s\n", col+"name:", stmt.ColumnName(i))
			fmt.Fprintf(w, "%-36s %s\n", col+"declared type:", nullText(stmt.ColumnDeclType(i)))
			fmt.Fprintf(w, "%-36s %s\n", col+"database name:", nullText(stmt.ColumnDatabaseName(i)))
			fmt.Fprintf(w, "%-36s %s\n", col+"table name:", nullText(stmt.ColumnTableName(i)))
			fmt.Fprintf(w, "%-36s %s\n", col+"origin name:", nullText(stmt.ColumnOriginName(i)))
		}
	}
	if s.ported.stats == statsVMStep {
		if stmt != nil {
			fmt.Fprintf(w, "VM-steps: %d\n", stmt.Status(sqlite3.STMTSTATUS_VM_STEP, false))
		}
		return
	}
	line := func(label string, format string, a ...any) {
		fmt.Fprintf(w, "%-37s"+format+"\n", append([]any{label}, a...)...)
	}
	db := s.db
	status := func(op sqlite3.DBStatus, reset bool) (int64, int64) {
		cur, hi, err := db.Status(op, reset)
		if err != nil {
			return -1, -1
		}
		return cur, hi
	}
	cur, hi := status(sqlite3.DBSTATUS_LOOKASIDE_USED, false)
	line("Lookaside Slots Used:", "%d (max %d)", cur, hi)
	_, hi = status(sqlite3.DBSTATUS_LOOKASIDE_HIT, false)
	line("Successful lookaside attempts:", "%d", hi)
	_, hi = status(sqlite3.DBSTATUS_LOOKASIDE_MISS_SIZE, false)
	line("Lookaside failures due to size:", "%d", hi)
	_, hi = status(sqlite3.DBSTATUS_LOOKASIDE_MISS_FULL, false)
	line("Lookaside failures due to OOM:", "%d", hi)
	cur, _ = status(sqlite3.DBSTATUS_CACHE_USED, false)
	line("Pager Heap Usage:", "%d bytes", cur)
	cur, _ = status(sqlite3.DBSTATUS_CACHE_HIT, true)
	line("Page cache hits:", "%d", cur)
	cur, _ = status(sqlite3.DBSTATUS_CACHE_MISS, true)
	line("Page cache misses:", "%d", cur)
	spill, _ := status(sqlite3.DBSTATUS_TEMPBUF_SPILL, false)
	cur, _ = status(sqlite3.DBSTATUS_CACHE_WRITE, true)
	line("Page cache writes:", "%d", cur)
	cur, _ = status(sqlite3.DBSTATUS_CACHE_SPILL, true)
	line("Page cache spills:", "%d", cur)
	line("Temporary data spilled to disk:", "%d", spill)
	status(sqlite3.DBSTATUS_TEMPBUF_SPILL, true)
	cur, _ = status(sqlite3.DBSTATUS_SCHEMA_USED, false)
	line("Schema Heap Usage:", "%d bytes", cur)
	cur, _ = status(sqlite3.DBSTATUS_STMT_USED, false)
	line("Statement Heap/Lookaside Usage:", "%d bytes", cur)
	if stmt != nil {
		st := func(op sqlite3.StmtStatus) int { return stmt.Status(op, false) }
		line("Fullscan Steps:", "%d", st(sqlite3.STMTSTATUS_FULLSCAN_STEP))
		line("Sort Operations:", "%d", st(sqlite3.STMTSTATUS_SORT))
		line("Autoindex Inserts:", "%d", st(sqlite3.STMTSTATUS_AUTOINDEX))
		if hit, miss := st(sqlite3.STMTSTATUS_FILTER_HIT), st(sqlite3.STMTSTATUS_FILTER_MISS); hit != 0 || miss != 0 {
			line("Bloom filter bypass taken:", "%d/%d", hit, hit+miss)
		}
		line("Virtual Machine Steps:", "%d", st(sqlite3.STMTSTATUS_VM_STEP))
		line("Reprepare operations:", "%d", st(sqlite3.STMTSTATUS_REPREPARE))
		line("Number of times run:", "%d", st(sqlite3.STMTSTATUS_RUN))
		line("Memory used by prepared stmt:", "%d", st(sqlite3.STMTSTATUS_MEMUSED))
	}
	displayLinuxIOStats(w)
}

// nullText is how the stock shell's printf shows a NULL string.
func nullText(s string) string {
	if s == "" {
		return "(null)"
	}
	return s
}

// displayLinuxIOStats prints the process's I/O counters from /proc, as
// the stock shell does on Linux.
func displayLinuxIOStats(w io.Writer) {
	data, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return
	}
	labels := []struct{ key, desc string }{
		{"rchar: ", "Bytes received by read():"},
		{"wchar: ", "Bytes sent to write():"},
		{"syscr: ", "Read() system calls:"},
		{"syscw: ", "Write() system calls:"},
		{"read_bytes: ", "Bytes read from storage:"},
		{"write_bytes: ", "Bytes written to storage:"},
		{"cancelled_write_bytes: ", "Cancelled write bytes:"},
	}
	for _, l := range strings.Split(string(data), "\n") {
		for _, lb := range labels {
			if strings.HasPrefix(l, lb.key) {
				fmt.Fprintf(w, "%-36s %s\n", lb.desc, strings.TrimSpace(l[len(lb.key):]))
				break
			}
		}
	}
}
