// Package transfer moves data in and out of a database as the stock sqlite3
// shell does: .dump writes the database as SQL text that rebuilds it, and
// .import reads CSV (or other separated, or ASCII-delimited) files into a
// table. The session parses the commands' arguments; this package does the
// work on a Target.
package transfer
