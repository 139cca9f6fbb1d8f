package shell

import (
	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/render"
)

// .eqp on|off|trigger|full: before running each statement, show its query
// plan (as EXPLAIN QUERY PLAN would); "full" adds its bytecode (EXPLAIN);
// "trigger" also shows the plans of the triggers it fires.

const (
	eqpOff = iota
	eqpOn
	eqpTrigger
	eqpFull
)

func dotEqp(s *shell, args []string) error {
	if len(args) != 2 {
		return s.stockError("Usage: .eqp off|on|trace|trigger|full")
	}
	switch args[1] {
	case "full":
		s.ported.eqp = eqpFull
	case "trigger":
		s.ported.eqp = eqpTrigger
	default:
		s.ported.eqp = eqpOff
		if s.booleanValue(args[1]) {
			s.ported.eqp = eqpOn
		}
	}
	return nil
}

// printEQP shows the plan (and with .eqp full the bytecode) of stmt, as
// the stock shell does before running it. EXPLAIN statements get none.
func (s *shell) printEQP(stmt *sqlite3.Stmt) error {
	if s.ported.eqp == eqpOff || render.IsExplain(s.statementText(stmt)) {
		return nil
	}
	if s.ported.eqp >= eqpTrigger {
		s.db.Config(sqlite3.DBCONFIG_TRIGGER_EQP, true)
		defer s.db.Config(sqlite3.DBCONFIG_TRIGGER_EQP, false)
	}
	if err := s.printExplained("EXPLAIN QUERY PLAN ", stmt); err != nil {
		return err
	}
	if s.ported.eqp == eqpFull {
		return s.printExplained("EXPLAIN ", stmt)
	}
	return nil
}

// printExplained prints prefix + stmt's SQL, laid out the explain way
// whatever the mode; stmt's bindings are copied to it.
func (s *shell) printExplained(prefix string, stmt *sqlite3.Stmt) error {
	x, _, err := s.db.Prepare(prefix + s.statementText(stmt))
	if err != nil || x == nil {
		return err
	}
	defer x.Close()
	s.bindParameters(x)
	return render.Print(s.out, stmtRows{x}, render.Spec{Style: render.StyleList, ColSep: "|", RowSep: "\n"})
}
