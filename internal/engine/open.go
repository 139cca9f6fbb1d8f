package engine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hello-sqlite/hello-sqlite/internal/sqlfuncs"
	"github.com/hello-sqlite/hello-sqlite/internal/timezone"
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
// (memory.go) - with the stock shell's SQL functions (sqlfuncs), and
// time.Local set from TZ even where the system has no zone files
// (timezone). ctx interrupts its statements; when ctx is cancelled by a
// signal the error is its cause (Interruption).
//
// It reads the schema right away: SQLite opens files lazily, and a file
// that is not a database must be refused here, before anything is written.
// That read never writes (except to roll back a hot journal left by a
// crash, which is what any SQLite connection must do).
func Open(ctx context.Context, name string, o Options) (*sqlite3.Conn, error) {
	tempDir := chooseTempDir(name)
	open := fileURI(name)
	if o.ReadOnly || !writable(name) {
		// SQLite's own unix VFS retries a file it may not write read-only;
		// the driver's VFS does not, so do it here: reads work, writes fail
		// with "attempt to write a readonly database".
		open = withParam(open, "mode", "ro")
	}
	// Through our VFS (diskfull.go); attached databases and temp files
	// follow the main database's VFS.
	open = withParam(open, "vfs", VFSName)
	timezone.Load()
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
		// As in the stock shell: SQL cannot corrupt the database file
		// (writable_schema writes to sqlite_schema, journal_mode=OFF, ...).
		// A dump loaded into an empty database lifts it for its
		// transaction (shell/restore.go).
		if _, err := db.Config(sqlite3.DBCONFIG_DEFENSIVE, true); err != nil {
			return err
		}
		if err := sqlfuncs.Register(db); err != nil {
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
		if errors.Is(err, sqlite3.CANTOPEN) {
			return nil, openError(name, err) // SQLite opens files lazily: here, not above
		}
		return nil, fmt.Errorf("%s: %s", name, ErrorMessage(err))
	}
	return db, nil
}

// openError explains why name could not be opened, naming a missing folder
// or a WAL database that needs a folder it cannot write (SQLite only says
// "unable to open database file").
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
			} else {
				msg += walNote(name, p)
			}
		}
	}
	return fmt.Errorf("unable to open database %q: %s", name, msg)
}

// URI is name as a file: URI through our VFS (diskfull.go), for the
// databases the shell opens other than with Open (.backup's destination).
func URI(name string) string { return withParam(fileURI(name), "vfs", VFSName) }

// fileURI returns name as a file: URI naming the same database: name
// itself when it is one already, else "file:" and the path with the bytes
// SQLite's URI parser would read otherwise (%, ?, #) escaped.
func fileURI(name string) string {
	if strings.HasPrefix(name, "file:") {
		return name
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
	return b.String()
}

// withParam adds key=value to the file: URI uri, unless the URI sets key
// already (then it says what it wants).
func withParam(uri, key, value string) string {
	base, query, hasQuery := strings.Cut(uri, "?")
	if q, err := url.ParseQuery(query); err == nil && q.Has(key) {
		return uri
	}
	if hasQuery && query != "" {
		return base + "?" + query + "&" + key + "=" + value
	}
	return base + "?" + key + "=" + value
}

// walNote explains why SQLite cannot open the existing database file p,
// named name on the command line, when it is a WAL database in a folder
// that cannot be written: SQLite must create p-shm beside it (p-wal too),
// even to read. It returns "" when that is not the case.
func walNote(name, p string) string {
	f, err := os.Open(p)
	if err != nil {
		return ""
	}
	defer f.Close()
	var hdr [20]byte
	if _, err := io.ReadFull(f, hdr[:]); err != nil || string(hdr[:16]) != "SQLite format 3\x00" || hdr[18] != 2 {
		return "" // not a database, or not in WAL mode (byte 18, the read version, is 2)
	}
	dir := filepath.Dir(p)
	where := ""
	switch err := unix.Access(dir, unix.W_OK); err {
	case nil:
		return ""
	case unix.EROFS:
		where = "on a read-only file system"
	default:
		where = fmt.Sprintf("in folder %s, read-only for this user", dir)
	}
	return fmt.Sprintf(" (a WAL database %s: SQLite must create %s-shm beside it even to read;"+
		" to read it as it is, open %s)", where, filepath.Base(p), withParam(fileURI(name), "immutable", "1"))
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
