package shell

import "github.com/ncruces/go-sqlite3"

// Loading a dump into an empty database, as the stock 3.53 shell does
// (doAutoDetectRestore in shell.c.in). Databases are opened with
// SQLITE_DBCONFIG_DEFENSIVE on (engine.Open), which refuses writes to
// sqlite_schema, the way a dump recreates virtual tables; and SQLite
// refuses double-quoted strings in DDL, which old schemas hold. When the
// session's first SQL text is exactly "PRAGMA foreign_keys=OFF;", its
// second exactly "BEGIN TRANSACTION;" (a .dump's first lines) and the
// database is then empty, both are relaxed until the transaction ends.
// Only for an empty database: a script made to look like a dump cannot
// use this to rewrite an existing schema. Never in safe mode (-safe), where
// DEFENSIVE stays on, as stock: a dump that writes sqlite_schema fails.

// restoreState is the stock shell's eRestoreState: 0 before any SQL, 1
// after "PRAGMA foreign_keys=OFF;", 2-6 inside the dump's transaction (bit
// 2: turn DEFENSIVE back on at its end; bit 4: turn DQS_DDL back off),
// 7 when there is nothing left to do.
type restoreState uint8

const (
	restoreStart   restoreState = 0
	restoreSawFK   restoreState = 1
	restoreDefense restoreState = 2
	restoreDQS     restoreState = 4
	restoreDone    restoreState = 7
)

// autoDetectRestore moves the detection on after the SQL text sql ran
// without error (runOneSqlLine calls doAutoDetectRestore only then).
func (s *shell) autoDetectRestore(sql string) error {
	switch s.restore {
	case restoreDone:
	case restoreStart:
		s.restore = restoreDone
		if sql == "PRAGMA foreign_keys=OFF;" && !s.safe {
			s.restore = restoreSawFK
		}
	case restoreSawFK:
		s.restore = restoreDone
		if sql != "BEGIN TRANSACTION;" {
			return nil
		}
		if empty, err := s.schemaEmpty(); err != nil || !empty {
			return err
		}
		defense, err := s.db.Config(sqlite3.DBCONFIG_DEFENSIVE)
		if err != nil {
			return err
		}
		dqs, err := s.db.Config(sqlite3.DBCONFIG_DQS_DDL)
		if err != nil {
			return err
		}
		if _, err := s.db.Config(sqlite3.DBCONFIG_DEFENSIVE, false); err != nil {
			return err
		}
		if _, err := s.db.Config(sqlite3.DBCONFIG_DQS_DDL, true); err != nil {
			return err
		}
		// As in 3.53, bit 4 records DQS_DDL that was on, so a DQS_DDL that
		// was off stays on after the dump (the stock shell's behaviour,
		// kept: scripts must see the same schema rules in both shells).
		s.restore = 0
		if defense {
			s.restore |= restoreDefense
		}
		if dqs {
			s.restore |= restoreDQS
		}
	default:
		if !s.db.GetAutocommit() {
			return nil // still inside the dump's transaction
		}
		if s.restore&restoreDefense != 0 {
			if _, err := s.db.Config(sqlite3.DBCONFIG_DEFENSIVE, true); err != nil {
				return err
			}
		}
		if s.restore&restoreDQS != 0 {
			if _, err := s.db.Config(sqlite3.DBCONFIG_DQS_DDL, false); err != nil {
				return err
			}
		}
		s.restore = restoreDone
	}
	return nil
}

// schemaEmpty reports whether the main database has no schema rows.
func (s *shell) schemaEmpty() (bool, error) {
	stmt, _, err := s.db.Prepare("SELECT 1 FROM sqlite_schema LIMIT 1")
	if err != nil {
		return false, err
	}
	defer stmt.Close()
	row := stmt.Step()
	return !row, stmt.Err()
}
