package shell

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
	"github.com/hello-sqlite/hello-sqlite/internal/syscmd"
)

// Dot-commands that read or write whole files: .read, .open, .backup
// (.save) and .restore.

// maxReadNesting is the stock shell's MAX_INPUT_NESTING: a .read file that
// reads itself stops here instead of exhausting the stack.
const maxReadNesting = 25

// dotRead is .read FILE: runs the statements and dot-commands in FILE. A
// .quit inside FILE ends FILE only. Errors are reported with the file's
// name and line ("near line 3 of x.sql"); under bail the first one stops
// FILE and the script that read it. ".read '|CMD'" reads the output of
// CMD, run by /bin/sh as popen, named "<pipe>" in messages.
func dotRead(s *shell, args []string) error {
	if len(args) != 2 {
		return dotUsage(".read FILE")
	}
	name := args[1]
	d := s.dot()
	if d.readings >= maxReadNesting {
		return inputNestingError(name, maxReadNesting, s.loc.line)
	}
	if strings.HasPrefix(name, "|") {
		p, err := syscmd.Output(name[1:])
		if err != nil {
			return errors.New(`cannot open "` + name + `"`)
		}
		defer p.Close()
		return s.readInput(p, "<pipe>")
	}
	f, err := os.Open(name)
	if err != nil {
		return errors.New(`cannot open "` + name + `"`) // the stock shell's text: no reason
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return errors.New(`cannot open "` + name + `"`)
	}
	return s.readInput(f, name)
}

// readInput runs the script r for .read.
func (s *shell) readInput(r io.Reader, name string) error {
	d := s.dot()
	d.readings++
	defer func() { d.readings-- }()
	err := s.runScript(r, name)
	if err == errQuit { // .quit ends the file; .exit N ends the session
		return nil
	}
	return err
}

// inputNestingError is the stock shell's message when a .read would nest
// deeper than it allows; line is that of the .read in the outer input.
func inputNestingError(name string, limit, line int) error {
	return plainError(fmt.Sprintf("%s: Input nesting limit (%d) reached at line %d. Check recursion.", name, limit, line))
}

// pathErrorReason drops the "open NAME:" that os errors repeat.
func pathErrorReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// dotOpen is .open ?--new? ?--readonly? ?--hexdb|--deserialize? ?FILE?:
// closes the database and opens FILE (a path, :memory:, or a file: URI)
// with the session's settings, or an in-memory copy of it (openImage). --new empties FILE first; --readonly opens it read-only (for
// this database only, as in the stock shell). Without FILE it opens an
// empty in-memory database. If FILE cannot be opened the error is
// reported and, as in the stock shell, an in-memory database takes its
// place.
func dotOpen(s *shell, args []string) error {
	var file, image string
	newFlag, readonly := false, false
	for _, a := range args[1:] {
		switch {
		case dotOptionMatch(a, "new"):
			newFlag = true
		case dotOptionMatch(a, "readonly"):
			readonly = true
		case dotOptionMatch(a, "hexdb"), dotOptionMatch(a, "deserialize"):
			image = strings.TrimLeft(a, "-")
		case dotOptionMatch(a, "normal"):
			image = ""
		case strings.HasPrefix(a, "-"):
			return plainError("unknown option: " + a)
		case file != "":
			return fmt.Errorf("extra argument: %q", a)
		default:
			file = a
		}
	}
	if image != "" {
		return s.openImage(image, file)
	}
	if file == "" {
		file = ":memory:"
	}
	if newFlag {
		if p := dbFilePathOf(file); p != "" {
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("cannot delete %q: %v", p, pathErrorReason(err))
			}
		}
	}
	saved := s.readonly
	s.readonly = readonly
	defer func() { s.readonly = saved }()
	err := s.openDB(file)
	if err == nil {
		return nil
	}
	if ie := s.interruption(err); ie != nil {
		return ie
	}
	s.readonly = false
	if ferr := s.openDB(":memory:"); ferr != nil {
		return fmt.Errorf("%v (and no in-memory database either: %v)", err, ferr)
	}
	return plainError("Error: " + ErrorMessage(err) + "\nNotice: using substitute in-memory database instead of \"" + file + "\"")
}

// dbFilePathOf is the file behind a database name: the name itself, or the
// path of a file: URI; "" for in-memory databases.
func dbFilePathOf(name string) string {
	if name == "" || name == ":memory:" {
		return ""
	}
	if !strings.HasPrefix(name, "file:") {
		return name
	}
	u, err := url.Parse(name)
	if err != nil || u.Query().Get("mode") == "memory" {
		return ""
	}
	p := u.Opaque
	if p == "" {
		p = u.Path
	}
	if p == ":memory:" {
		return ""
	}
	if dec, err := url.PathUnescape(p); err == nil {
		p = dec
	}
	return p
}

// dotOptionMatch is the stock shell's: z is "-name" or "--name".
func dotOptionMatch(z, name string) bool {
	if !strings.HasPrefix(z, "-") {
		return false
	}
	z = strings.TrimPrefix(z[1:], "-")
	return z == name
}

// dotBackup is .backup ?DB? ?OPTIONS? FILE (and .save): copies database
// DB (default main) into FILE with SQLite's online backup, replacing FILE's
// content. Of the stock options, --async (no journal, no fsync) is
// accepted and makes an ordinary, safe copy: the driver opens the copy
// itself, so its journal cannot be turned off; --append (appendvfs) is
// not available in the engine.
func dotBackup(s *shell, args []string) error {
	var db, file string
	for i, a := range args[1:] {
		switch {
		case strings.HasPrefix(a, "-"):
			switch z := strings.TrimPrefix(a, "-"); z {
			case "-async":
			case "-append":
				return s.stockError("Error: %s --append is not supported by hello-sqlite (no appendvfs)", args[0])
			default:
				return &argError{arg: i + 1, brief: "unknown option", detail: "should be -append or -async"}
			}
		case file == "":
			file = a
		case db == "":
			db, file = file, a
		default:
			return s.stockError("Usage: .backup ?DB? ?OPTIONS? FILENAME")
		}
	}
	if file == "" {
		return s.stockError("missing FILENAME argument on .backup")
	}
	if db == "" {
		db = "main"
	}
	return s.guard(func() error {
		b, err := s.db.BackupInit(db, engine.URI(file))
		if errors.Is(err, sqlite3.CANTOPEN) {
			return s.stockError("Error: cannot open \"%s\"", file)
		}
		if err != nil {
			return s.stockError("Error: %s", ErrorMessage(err))
		}
		_, err = b.Step(-1)
		if cerr := b.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return s.stockError("Error: %s", ErrorMessage(err))
		}
		return nil
	})
}

// dotRestore is .restore ?DB? FILE: replaces database DB (default main)
// with the content of FILE. As in the stock shell, a FILE that does not
// exist is created empty, and DB is restored from that empty database.
func dotRestore(s *shell, args []string) error {
	var db, file string
	switch len(args) {
	case 2:
		db, file = "main", args[1]
	case 3:
		db, file = args[1], args[2]
	default:
		return s.stockError("Usage: .restore ?DB? FILE")
	}
	if p := dbFilePathOf(file); p != "" {
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				return s.stockError("Error: cannot open \"%s\"", file)
			}
			f.Close()
		}
	}
	return s.guard(func() error {
		err := s.db.Restore(db, file)
		if errors.Is(err, sqlite3.BUSY) || errors.Is(err, sqlite3.LOCKED) {
			return s.stockError("Error: source database is busy")
		}
		if err != nil {
			return s.stockError("Error: %s", ErrorMessage(err))
		}
		return nil
	})
}
