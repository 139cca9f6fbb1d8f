// Package engine is the boundary with SQLite (ncruces/go-sqlite3): opening
// databases with the shell's connection settings (read-only fallback, busy
// timeout, temp-file directory, memory cap, the stock shell's SQL functions,
// the time zone), turning the driver's panics and errors into messages, and
// the signals that interrupt a run. It is the only package that knows the
// driver's connection options.
package engine
