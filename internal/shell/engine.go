package shell

import (
	"fmt"
	"os"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
)

// openDB opens name with the session's settings (engine.Open) and makes it
// the session's database, closing the old one.
func (s *shell) openDB(name string) error {
	if s.nofollow && name != ":memory:" && !strings.HasPrefix(name, "file:") {
		// SQLITE_OPEN_NOFOLLOW, which the driver's open does not take.
		if st, err := os.Lstat(name); err == nil && st.Mode()&os.ModeSymlink != 0 {
			return fmt.Errorf("unable to open database %q: unable to open database file (a symbolic link, refused by -nofollow)", name)
		}
	}
	db, err := engine.Open(s.ctx, name, engine.Options{
		ReadOnly: s.readonly, MemoryLimit: s.memoryLimit, BusyTimeout: s.busyTimeout})
	if err != nil {
		return err
	}
	return s.useDB(db, name)
}

// useDB makes db, just opened, the session's database (named name),
// closing the old one.
func (s *shell) useDB(db *sqlite3.Conn, name string) error {
	if s.safe {
		if err := s.setSafeAuthorizer(db); err != nil {
			db.Close()
			return err
		}
	}
	if s.db != nil {
		s.db.Close()
	}
	s.db, s.dbName = db, name
	// Settings of the connection that dot-commands made.
	if s.ported.traceOut != nil {
		s.installTrace()
	}
	if s.ported.logOut != nil {
		s.installLog()
	}
	return nil
}

// guard runs fn under the session's memory limit (engine.Guard).
func (s *shell) guard(fn func() error) error { return engine.Guard(s.memoryLimit, fn) }

// interruption returns the error that ends the run when err comes from a
// signal (the context's engine.InterruptError), or nil.
func (s *shell) interruption(err error) error { return engine.Interruption(s.ctx) }
