package shell

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// .trace ?OPTIONS? ?FILE|stdout|stderr|off?: print each statement as it
// runs (sqlite3_trace_v2). --expanded shows it with its parameters bound,
// --plain as written; --stmt, --profile (with the time it took), --row
// (once per result row) and --close choose the events, --stmt by default.

const (
	traceSQL = iota
	traceExpanded
)

func dotTrace(s *shell, args []string) error {
	mask := sqlite3.TraceEvent(0)
	for _, z := range args[1:] {
		if !strings.HasPrefix(z, "-") {
			s.closeTrace()
			s.ported.traceOut, s.ported.traceClose = s.openOutputFile(z)
			continue
		}
		switch {
		case dotOptionMatch(z, "expanded"):
			s.ported.traceSource = traceExpanded
		case dotOptionMatch(z, "plain"):
			s.ported.traceSource = traceSQL
		case dotOptionMatch(z, "profile"):
			mask |= sqlite3.TRACE_PROFILE
		case dotOptionMatch(z, "row"):
			mask |= sqlite3.TRACE_ROW
		case dotOptionMatch(z, "stmt"):
			mask |= sqlite3.TRACE_STMT
		case dotOptionMatch(z, "close"):
			mask |= sqlite3.TRACE_CLOSE
		default:
			return s.stockError("Unknown option \"%s\" on \".trace\"", z)
		}
	}
	if mask == 0 {
		mask = sqlite3.TRACE_STMT
	}
	s.ported.traceMask = int(mask)
	return s.installTrace()
}

// installTrace sets the trace callback of the current connection (again
// after .open) from the .trace settings.
func (s *shell) installTrace() error {
	if s.ported.traceOut == nil {
		return s.db.Trace(0, nil)
	}
	w := s.ported.traceOut
	return s.db.Trace(sqlite3.TraceEvent(s.ported.traceMask), func(evt sqlite3.TraceEvent, arg1, arg2 any) error {
		if evt == sqlite3.TRACE_CLOSE {
			fmt.Fprint(w, "-- closing database connection\n")
			return nil
		}
		stmt, ok := arg1.(*sqlite3.Stmt)
		if !ok {
			return nil
		}
		sql := s.statementText(stmt)
		if s.ported.traceSource == traceExpanded {
			sql = stmt.ExpandedSQL()
		}
		sql = strings.TrimRight(sql, ";")
		switch evt {
		case sqlite3.TRACE_STMT, sqlite3.TRACE_ROW:
			fmt.Fprintf(w, "%s;\n", sql)
		case sqlite3.TRACE_PROFILE:
			ns, _ := arg2.(int64)
			fmt.Fprintf(w, "%s; -- %d ns\n", sql, ns)
		}
		return nil
	})
}

// closeTrace closes a .trace file.
func (s *shell) closeTrace() {
	if s.ported.traceClose != nil {
		s.ported.traceClose()
	}
	s.ported.traceOut, s.ported.traceClose = nil, nil
}

// openOutputFile is the stock shell's output_file_open: "stdout",
// "stderr", "off" (nil), or a file truncated for writing. A file that
// cannot be opened is reported and counts as off.
func (s *shell) openOutputFile(name string) (io.Writer, func()) {
	switch name {
	case "stdout":
		return s.stdout, nil
	case "stderr":
		return s.stderr, nil
	case "off":
		return nil, nil
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		fmt.Fprintf(s.stderr, "Error: cannot open \"%s\"\n", name)
		return nil, nil
	}
	return f, func() { f.Close() }
}

// statementText is the text of stmt alone: the driver's Stmt.SQL is all
// the text given to Prepare, this statement and those after it.
func (s *shell) statementText(stmt *sqlite3.Stmt) string {
	if stmt == s.ported.running {
		return s.ported.runningText
	}
	return stmt.SQL()
}
