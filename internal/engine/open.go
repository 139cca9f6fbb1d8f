package engine

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
	"golang.org/x/sys/unix"
)

// DefaultBusyTimeout is how long a statement waits for a database another
// connection has locked before failing with "database is locked". The stock
// shell waits 0 s (fails at once) unless told otherwise with .timeout; a
// shell used in scripts and containers next to other writers is better off
// waiting a little, and 5 s is the figure many SQLite drivers use.
const DefaultBusyTimeout = 5 * time.Second

// Options are the settings a database is opened with.
type Options struct {
	ReadOnly    bool          // -readonly: open read-only even when writable
	MemoryLimit int64         // bytes SQLite may use (memory.go)
	BusyTimeout time.Duration // how long a busy database is retried
}

// Open opens name (a path, :memory:, or a file: URI) with o's settings -
// read-only, busy timeout, temp files (tempdir.go), memory limit
// (memory.go). ctx interrupts its statements; when ctx is cancelled by a
// signal the error is its cause (Interruption).
//
// It reads the schema right away: SQLite opens files lazily, and a file
// that is not a database must be refused here, before anything is written.
// That read never writes (except to roll back a hot journal left by a
// crash, which is what any SQLite connection must do).
func Open(ctx context.Context, name string, o Options) (*sqlite3.Conn, error) {
	tempDir := chooseTempDir(name)
	open := name
	if o.ReadOnly || !writable(name) {
		// SQLite's own unix VFS retries a file it may not write read-only;
		// the driver's VFS does not, so do it here: reads work, writes fail
		// with "attempt to write a readonly database".
		open = readOnlyURI(name)
	}
	var db *sqlite3.Conn
	err := Guard(o.MemoryLimit, func() (err error) {
		db, err = sqlite3.OpenContext(withMemoryLimit(ctx, o.MemoryLimit), open)
		return err
	})
	if err != nil {
		if ierr := Interruption(ctx); ierr != nil {
			return nil, ierr
		}
		return nil, openError(name, err)
	}
	err = Guard(o.MemoryLimit, func() error {
		if err := db.BusyTimeout(o.BusyTimeout); err != nil {
			return err
		}
		db.SetInterrupt(ctx)
		if tempDir == "" {
			if err := db.Exec(`PRAGMA temp_store=MEMORY`); err != nil {
				return err
			}
		} else {
			os.Setenv("SQLITE_TMPDIR", tempDir)
		}
		err := db.Exec(`PRAGMA schema_version`)
		if errors.Is(err, sqlite3.BUSY) {
			err = nil // locked by another process: a real database, readable later
		}
		return err
	})
	if err != nil {
		db.Close()
		if ierr := Interruption(ctx); ierr != nil {
			return nil, ierr
		}
		return nil, fmt.Errorf("%s: %s", name, ErrorMessage(err))
	}
	return db, nil
}

// openError explains why name could not be opened, naming a missing folder
// (SQLite only says "unable to open database file").
func openError(name string, err error) error {
	msg := ErrorMessage(err)
	if errors.Is(err, sqlite3.CANTOPEN) {
		msg = "unable to open database file"
		if p := dbFilePath(name); p != "" {
			dir := filepath.Dir(p)
			if st, serr := os.Stat(dir); serr != nil {
				msg += fmt.Sprintf(" (folder %s does not exist)", dir)
			} else if !st.IsDir() {
				msg += fmt.Sprintf(" (%s is not a folder)", dir)
			} else if st, serr := os.Stat(p); serr == nil && st.IsDir() {
				msg += " (it is a folder)"
			} else if serr != nil && errors.Is(serr, os.ErrNotExist) {
				if unix.Access(dir, unix.W_OK) != nil {
					msg += fmt.Sprintf(" (the file does not exist and folder %s is not writable)", dir)
				} else {
					msg += " (the file does not exist)" // and read-only mode does not create it
				}
			} else if serr != nil {
				msg += " (" + serr.Error() + ")"
			}
		}
	}
	return fmt.Errorf("unable to open database %q: %s", name, msg)
}

// readOnlyURI returns a file: URI that opens name read-only (mode=ro is
// SQLITE_OPEN_READONLY; the driver's OpenContext, which also carries the
// memory limit, has no flags argument).
func readOnlyURI(name string) string {
	if strings.HasPrefix(name, "file:") {
		base, query, hasQuery := strings.Cut(name, "?")
		q, err := url.ParseQuery(query)
		if err == nil && q.Has("mode") {
			return name // the URI says what it wants
		}
		if hasQuery && query != "" {
			return base + "?" + query + "&mode=ro"
		}
		return base + "?mode=ro"
	}
	if name == ":memory:" || name == "" {
		return "file:" + name + "?mode=ro" // an empty read-only memory database, as in the stock shell
	}
	// SQLite URIs decode %HH and end the path at '?' or '#'.
	var b strings.Builder
	b.WriteString("file:")
	if strings.HasPrefix(name, "//") {
		b.WriteString("//") // an empty authority keeps the path's leading slashes
	}
	for i := 0; i < len(name); i++ {
		switch c := name[i]; c {
		case '%', '?', '#':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteString("?mode=ro")
	return b.String()
}

// writable reports whether the database file behind name may be opened for
// writing: false for an existing file without write permission or on a
// read-only file system.
func writable(name string) bool {
	p := dbFilePath(name)
	if p == "" {
		return true
	}
	if _, err := os.Stat(p); err != nil {
		return true // missing (it will be created) or unreadable (open says why)
	}
	err := unix.Access(p, unix.W_OK)
	return err != unix.EACCES && err != unix.EROFS && err != unix.EPERM
}
