//go:build !full

package sqlfuncs

import "github.com/ncruces/go-sqlite3"

// registerModules adds nothing in the default build: FTS5 and R*Tree (1.7 MB)
// do not fit its 8.0 MB budget; build with -tags full to have them.
func registerModules(*sqlite3.Conn) error { return nil }
