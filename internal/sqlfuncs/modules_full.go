//go:build full

package sqlfuncs

import (
	"errors"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/ext/fts5"
	"github.com/ncruces/go-sqlite3/ext/rtree"
)

// registerModules adds the FTS5 and R*Tree (with geopoly) virtual tables,
// which the stock shell's SQLite has built in and ncruces ships as separate
// Wasm modules: +1.7 MB, so only in the -tags full build.
func registerModules(conn *sqlite3.Conn) error {
	return errors.Join(fts5.Register(conn), rtree.Register(conn))
}
