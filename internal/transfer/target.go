package transfer

import (
	"context"
	"io"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
)

// Target is the part of a session a transfer works on.
type Target struct {
	Ctx         context.Context // cancelled by a signal (engine.Interruption)
	DB          *sqlite3.Conn
	Out         io.Writer // .import -v's reports
	Stderr      io.Writer // warnings
	Mode        string    // the output mode: .import reads "ascii" input its own way
	MemoryLimit int64     // for engine.Guard
}

// queryStrings runs sql on the database (engine.QueryStrings).
func (s *Target) queryStrings(sql string, binds ...string) ([][]string, error) {
	return engine.QueryStrings(s.DB, s.MemoryLimit, sql, binds...)
}

// interruption is the signal that stopped the run, if any.
func (s *Target) interruption(error) error { return engine.Interruption(s.Ctx) }
