package shell

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// sqliteInfo is what the SQLite library inside says about itself.
type sqliteInfo struct{ version, sourceID string }

// sqliteVersion asks SQLite (the session's connection, or a throwaway
// in-memory one) for sqlite_version() and sqlite_source_id().
func (s *shell) sqliteVersion() (info sqliteInfo, err error) {
	err = s.guard(func() error {
		db := s.db
		if db == nil {
			var err error
			if db, err = sqlite3.Open(":memory:"); err != nil {
				return err
			}
			defer db.Close()
		}
		stmt, _, err := db.Prepare(`SELECT sqlite_version(), sqlite_source_id()`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		if stmt.Step() {
			info = sqliteInfo{stmt.ColumnText(0), stmt.ColumnText(1)}
		}
		return stmt.Err()
	})
	return info, err
}

// printVersion is -version: the stock shell's line (SQLite version, source
// id, pointer size), then this program's version.
func printVersion(w io.Writer, version string) error {
	info, err := (&shell{}).sqliteVersion()
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s %s (%d-bit)\nhello-sqlite %s\n",
		info.version, info.sourceID, strconv.IntSize, strings.TrimSpace(version))
	return err
}
