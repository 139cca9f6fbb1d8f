package engine

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// Temp files. SQLite needs temporary files for temp tables and indexes,
// sorts that outgrow the page cache (CREATE INDEX on a large table, big
// ORDER BY), VACUUM and statement journals. ncruces/go-sqlite3's VFS
// creates them in $SQLITE_TMPDIR, else os.TempDir() ($TMPDIR or /tmp), and
// has no fallback: in a scratch container with no /tmp every such statement
// fails with "disk I/O error".
//
// The shell picks the first directory that works, probing it the way the
// VFS will use it (on Linux an O_TMPFILE file, else a named file removed at
// once; see tempfile_linux.go and tempfile_other.go):
//
//  1. $SQLITE_TMPDIR, 2. $TMPDIR, 3. /tmp: the usual places, honoured when set;
//  4. the directory of the database file: in a container that is the volume,
//     the only writable place, and it has room for the database's own temp
//     data; O_TMPFILE files (Linux) leave nothing behind even after kill -9;
//  5. none (read-only volume, :memory: without /tmp): PRAGMA temp_store=MEMORY,
//     so temp data lives in SQLite's memory (see memory.go for its limit).
//
// The choice is passed to the VFS by setting SQLITE_TMPDIR in this process
// (the VFS reads it at every temp file). Memory comes last rather than
// first because it is capped and large sorts or VACUUM may not fit.

// tempDirCandidates lists the directories tried before the database's own
// (a variable so that tests can pretend /tmp is missing).
var tempDirCandidates = func() []string {
	var dirs []string
	for _, d := range []string{os.Getenv("SQLITE_TMPDIR"), os.Getenv("TMPDIR"), "/tmp"} {
		if d != "" {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// chooseTempDir returns the directory for temp files of the database
// dbName, or "" when temp data must stay in memory.
func chooseTempDir(dbName string) string {
	dirs := tempDirCandidates()
	if p := dbFilePath(dbName); p != "" {
		if abs, err := filepath.Abs(p); err == nil {
			dirs = append(dirs, filepath.Dir(abs))
		}
	}
	for _, d := range dirs {
		if tempDirWorks(d) {
			return d
		}
	}
	return ""
}

// tempDirWorks reports whether the VFS can create temp files in dir.
func tempDirWorks(dir string) bool {
	if works, known := probeTmpfile(dir); known {
		return works
	}
	// the VFS uses a named file: os.CreateTemp(dir, "*.db"), removed at once
	f, err := os.CreateTemp(dir, "*.db")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// dbFilePath returns the file behind a database name: a path, or the path of
// a file: URI; "" for in-memory databases.
func dbFilePath(name string) string {
	if name == "" || name == ":memory:" {
		return ""
	}
	if !strings.HasPrefix(name, "file:") {
		return name
	}
	rest, query, _ := strings.Cut(strings.TrimPrefix(name, "file:"), "?")
	rest, _, _ = strings.Cut(rest, "#")
	if q, err := url.ParseQuery(query); err == nil && q.Get("mode") == "memory" {
		return ""
	}
	if strings.HasPrefix(rest, "//") { // file://host/path: SQLite accepts "" and "localhost"
		rest = strings.TrimPrefix(rest, "//")
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			return ""
		}
		rest = rest[i:]
	}
	if p, err := url.PathUnescape(rest); err == nil {
		rest = p
	}
	if rest == "" || rest == ":memory:" {
		return ""
	}
	return rest
}
