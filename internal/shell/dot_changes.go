package shell

import "fmt"

// .changes on|off: after each line of SQL that succeeds, print the rows
// changed by its last statement and since the database was opened.
func dotChanges(s *shell, args []string) error {
	if len(args) != 2 {
		return s.stockError("Usage: .changes on|off")
	}
	s.ported.changes = s.booleanValue(args[1])
	return nil
}

// printChanges is the report .changes asks for.
func (s *shell) printChanges() {
	fmt.Fprintf(s.out, "changes: %d   total_changes: %d\n", s.db.Changes(), s.db.TotalChanges())
}
