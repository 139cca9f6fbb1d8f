package shell

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
)

// .archive (.ar): SQL Archives, as the stock shell's arDotCommand has
// them: the same option parsing (tar style "cCf DIR FILE", short and long
// options, abbreviations), the same SQL over fsdir(), writefile(),
// lsmode(), sqlar_compress() and sqlar_uncompress(), so that -n prints
// what stock prints and the archives are interchangeable. ZIP archives
// need SQLite's zipfile module, which the engine lacks: refused.

// arCmd is one parsed .ar command (stock's ArCommand).
type arCmd struct {
	cmd        byte // c, u, i, x, t, h or r: the command option
	cmdLine    bool // run by the -A option
	prepFailed bool // the error is from preparing a statement
	verbose    bool
	dryRun     int // 1 for --dryrun, 2 for --debug
	glob       bool
	appendf    bool
	file       *string
	dir        *string
	args       []string
	out        io.Writer
	db         *sqlite3.Conn
}

type arSwitch struct {
	long  string
	short byte
	arg   bool
}

var arSwitches = []arSwitch{
	{"create", 'c', false}, {"extract", 'x', false}, {"insert", 'i', false},
	{"list", 't', false}, {"remove", 'r', false}, {"update", 'u', false},
	{"help", 'h', false}, {"verbose", 'v', false}, {"file", 'f', true},
	{"append", 'a', true}, {"directory", 'C', true}, {"dryrun", 'n', false},
	{"debug", 0, false}, {"glob", 'g', false},
}

// dotArchive runs .archive, or the -A command-line option (args[0] "-A").
func dotArchive(s *shell, args []string) error {
	ar := &arCmd{cmdLine: args[0][0] == '-'}
	if err := s.arParse(ar, args); err != nil {
		return err
	}
	ar.out, ar.db = s.out, s.db
	if ar.appendf {
		return errors.New("--append needs the apndvfs VFS, which hello-sqlite lacks")
	}
	if ar.file != nil && arIsZip(*ar.file) {
		return errors.New(arZipError + *ar.file)
	}
	if ar.file != nil {
		if ar.dryRun > 0 {
			fmt.Fprintf(ar.out, "-- open database '%s'\n", *ar.file)
		}
		db, err := engine.Open(s.ctx, *ar.file, engine.Options{
			ReadOnly:    strings.IndexByte("ciru", ar.cmd) < 0,
			MemoryLimit: s.memoryLimit, BusyTimeout: s.busyTimeout})
		if err != nil {
			if !strings.Contains(ErrorMessage(err), "unable to open database file") {
				// not a database: stock opens it lazily and finds no table
				return s.stockError("database does not contain an 'sqlar' table")
			}
			return s.stockError("cannot open file: %s (unable to open database file)", *ar.file)
		}
		defer db.Close()
		ar.db = db
	}
	// shell_putsnl(X) prints X on the shell's output and returns it (stock
	// registers it on every connection); .ar -v and --debug use it.
	ar.db.CreateFunction("shell_putsnl", 1, 0, func(ctx sqlite3.Context, arg ...sqlite3.Value) {
		fmt.Fprintf(ar.out, "%s\n", arg[0].Text())
		ctx.ResultValue(arg[0])
	})
	if ar.cmd != 'h' && ar.cmd != 'c' {
		if _, _, _, _, _, err := ar.db.TableColumnMetadata("", "sqlar", "name"); err != nil {
			return s.stockError("database does not contain an 'sqlar' table")
		}
	}
	var err error
	switch ar.cmd {
	case 'c':
		err = s.arCreate(ar, false, false)
	case 'x':
		err = s.arExtract(ar)
	case 't':
		err = s.arList(ar)
	case 'h':
		s.showHelp(s.out, "archive")
	case 'i':
		err = s.arCreate(ar, true, false)
	case 'r':
		err = s.arRemove(ar)
	default:
		err = s.arCreate(ar, true, true)
	}
	if _, done := err.(ReportedError); err != nil && !done {
		// as stock's shellPrepare and shellFinalize report them
		if ar.prepFailed {
			fmt.Fprintf(s.stderr, "sql error: %s (%d)\n", ErrorMessage(err), extendedCode(err)&0xff)
		} else {
			fmt.Fprintf(s.stderr, "SQL error: %s\n", ErrorMessage(err))
		}
		return ReportedError{err}
	}
	return err
}

// arIsZip tells a ZIP file from a database, as stock's deduceDatabaseType
// does: an end-of-central-directory record at the end of a file that is
// not a database, or the name of a missing or short file ending in .zip.
func arIsZip(name string) bool {
	var b [22]byte
	if f, err := os.Open(name); err == nil {
		f.Read(b[:16])
		db := string(b[:16]) == "SQLite format 3\x00"
		_, err = f.Seek(-22, io.SeekEnd) // fails for a file under 22 bytes
		f.Read(b[:])
		f.Close()
		if db || err == nil {
			return !db && string(b[:4]) == "PK\x05\x06"
		}
	}
	return strings.HasSuffix(strings.ToLower(name), ".zip")
}

// arZipError is the message for a ZIP archive, before its name.
const arZipError = "ZIP archives need the zipfile module, which hello-sqlite lacks: "

// arError prints an option error as stock's arErrorMsg does.
func (s *shell) arError(ar *arCmd, format string, a ...any) error {
	msg := fmt.Sprintf(format, a...)
	help := `".archive --help"`
	if ar.cmdLine {
		help = `"-A"`
	}
	fmt.Fprintf(s.stderr, "Error: %s\nUse %s for more help\n", msg, help)
	return ReportedError{errors.New(msg)}
}

// arParse is stock's arParseCommand: options in the tar style ("cCf DIR
// FILE ARGS": letters, then their arguments in order), or short ones
// ("-cC DIR", "-CDIR") and long ones, abbreviated ("--dir DIR").
func (s *shell) arParse(ar *arCmd, args []string) error {
	apply := func(sw *arSwitch, val string) error {
		switch sw.short {
		case 'c', 'x', 'i', 't', 'r', 'u', 'h':
			if ar.cmd != 0 {
				return s.arError(ar, "multiple command options")
			}
			ar.cmd = sw.short
		case 'n':
			ar.dryRun = max(ar.dryRun, 1)
		case 0:
			ar.dryRun = 2
		case 'g':
			ar.glob = true
		case 'v':
			ar.verbose = true
		case 'a', 'f':
			ar.appendf = ar.appendf || sw.short == 'a'
			ar.file = &val
		case 'C':
			ar.dir = &val
		}
		return nil
	}
	what := "Wrong number of arguments"
	if len(args) > 1 {
		what = "Required argument missing"
		tar, next := !strings.HasPrefix(args[1], "-"), 2
		for i := 1; i < len(args); i++ {
			z := args[i]
			if !tar && (!strings.HasPrefix(z, "-") || z == "--") {
				if z == "--" {
					i++
				}
				ar.args = args[i:]
				break
			}
			if tar || len(z) == 1 || z[1] != '-' {
				j := 1
				if tar {
					j = 0
				}
				for ; j < len(z); j++ {
					var sw *arSwitch
					for k := range arSwitches {
						if arSwitches[k].short == z[j] && z[j] != 0 {
							sw = &arSwitches[k]
						}
					}
					if sw == nil {
						return s.arError(ar, "unrecognized option: %c", z[j])
					}
					val := ""
					switch {
					case !sw.arg:
					case tar && next < len(args):
						val = args[next]
						next++
					case !tar && j < len(z)-1:
						val, j = z[j+1:], len(z)
					case !tar && i < len(args)-1:
						i++
						val = args[i]
					default:
						return s.arError(ar, "option requires an argument: %c", z[j])
					}
					if err := apply(sw, val); err != nil {
						return err
					}
				}
				if tar {
					ar.args = args[next:]
					break
				}
				continue
			}
			var match *arSwitch
			for k := range arSwitches {
				if strings.HasPrefix(arSwitches[k].long, z[2:]) {
					if match != nil {
						return s.arError(ar, "ambiguous option: %s", z)
					}
					match = &arSwitches[k]
				}
			}
			if match == nil {
				return s.arError(ar, "unrecognized option: %s", z)
			}
			val := ""
			if match.arg {
				if i >= len(args)-1 {
					return s.arError(ar, "option requires an argument: %s", z)
				}
				i++
				val = args[i]
			}
			if err := apply(match, val); err != nil {
				return err
			}
		}
	}
	if ar.cmd == 0 {
		fmt.Fprintf(s.stderr, "%s.  Usage:\n", what)
		s.showHelp(s.stderr, "archive")
		return ReportedError{errors.New(what)}
	}
	return nil
}

// arCheck makes sure every name argument (trailing slashes
// dropped) is in the archive, exactly or as a GLOB with -g.
func (s *shell) arCheck(ar *arCmd) error {
	sql := "SELECT name FROM sqlar WHERE name=$name"
	if ar.glob {
		sql = "SELECT name FROM sqlar WHERE glob($name,name)"
	}
	for i, z := range ar.args {
		z = strings.TrimRight(z, "/")
		ar.args[i] = z
		rows, err := engine.QueryStrings(ar.db, s.memoryLimit, sql, z)
		if err != nil {
			return err // reported by dotArchive
		}
		if len(rows) == 0 {
			return s.stockError("not found in archive: %s", z)
		}
	}
	return nil
}

// arWhere is stock's arWhereClause: the members the arguments name, and
// what is under them.
func arWhere(ar *arCmd) string {
	if len(ar.args) == 0 {
		return "1"
	}
	z1, z2, sep1, sep2, eq := "name IN(", "", "", "", " = '"
	if ar.glob {
		z1, eq = "", " GLOB '"
	}
	for _, z := range ar.args {
		q := strings.ReplaceAll(z, "'", "''")
		if ar.glob {
			z1 += sep2 + "name GLOB '" + q + "'"
		} else {
			z1 += sep1 + "'" + q + "'"
		}
		z2 += sep2 + "substr(name,1," + strconv.Itoa(len(z)+1) + ")" + eq + q + "/'"
		sep1, sep2 = ", ", " OR "
	}
	if !ar.glob {
		z1 += ")"
	}
	return "(" + z1 + " OR (name GLOB '*/*' AND (" + z2 + "))) "
}

// arList is stock's arListCommand.
func (s *shell) arList(ar *arCmd) error {
	if err := s.arCheck(ar); err != nil {
		if ar.dryRun > 0 {
			fmt.Fprintln(ar.out, "(null)") // stock prints the statement it did not make
		}
		return err
	}
	cols := "name"
	if ar.verbose {
		cols = "lsmode(mode), sz, datetime(mtime, 'unixepoch'), name"
	}
	sql := "SELECT " + cols + " FROM sqlar WHERE " + arWhere(ar)
	if ar.dryRun > 0 {
		fmt.Fprintln(ar.out, sql)
		return nil
	}
	stmt, _, err := ar.db.Prepare(sql)
	if err != nil {
		ar.prepFailed = true
		return err
	}
	stmt.Close()
	rows, err := engine.QueryStrings(ar.db, s.memoryLimit, sql)
	for _, r := range rows {
		if ar.verbose {
			sz, _ := strconv.ParseInt(r[1], 10, 64)
			fmt.Fprintf(ar.out, "%s % 10d  %s  %s\n", r[0], int32(sz), r[2], r[3])
		} else {
			fmt.Fprintln(ar.out, r[0])
		}
	}
	if err != nil {
		return err // reported by dotArchive
	}
	return nil
}

// arRemove is stock's arRemoveCommand (with no names its WHERE clause is
// empty, a syntax error, as in stock).
func (s *shell) arRemove(ar *arCmd) error {
	where := ""
	if len(ar.args) > 0 {
		if err := s.arCheck(ar); err != nil {
			return err
		}
		where = arWhere(ar)
	}
	sql := "DELETE FROM sqlar WHERE " + where + ";"
	if ar.dryRun > 0 {
		fmt.Fprintf(ar.out, "%s\n", sql)
		return nil
	}
	if err := ar.db.Exec("SAVEPOINT ar;"); err != nil {
		return ReportedError{err}
	}
	err := ar.db.Exec(sql)
	if err != nil {
		ar.db.Exec("ROLLBACK TO ar; RELEASE ar;")
		fmt.Fprintf(s.stdout, "ERROR: %s\n", ErrorMessage(err))
		return ReportedError{err}
	}
	return ar.db.Exec("RELEASE ar;")
}

// arExtractSQL is stock's, with its defences: nothing is written outside
// the destination (through a symbolic link extracted before) and no name
// has a ".." part.
const arExtractSQL = `WITH dest(dpath,dlen) AS (
  SELECT realpath($dir) || '/',
  1+length(realpath($dir))
)
SELECT
    ($dir || name),
    CASE $dryrun
      WHEN 0 THEN writefile($dir||name, %s, mode, mtime)
      WHEN 1 THEN 0
      ELSE shell_putsnl(format('writefile(%%Q,%%s,%%0o,%%d)',$dir||name,quote(%s),mode,mtime)) IS NULL
      END
  FROM dest CROSS JOIN %s
 WHERE (%s)
   AND (CASE $pass WHEN 0 THEN (mode&0xf000)<>0xa000
                   WHEN 1 THEN (mode&0xf000)=0xa000
                   ELSE data IS NULL END)
   AND dpath=substr(realpath($dir||name),1,dlen)
   AND name NOT GLOB '*..[/\]*'
`

// arExtract is stock's arExtractCommand: files and directories first,
// then symbolic links, then the directories again for their mtimes.
func (s *shell) arExtract(ar *arCmd) error {
	if err := s.arCheck(ar); err != nil {
		return err
	}
	const data = "sqlar_uncompress(data, sz)"
	sql := fmt.Sprintf(arExtractSQL, data, data, "sqlar", arWhere(ar))
	dir := ""
	if ar.dir != nil {
		dir = *ar.dir + "/"
	}
	stmt, _, err := ar.db.Prepare(sql)
	if err != nil {
		ar.prepFailed = true
		return err
	}
	// The parameters are numbered as they first appear: $dir, $dryrun, $pass.
	stmt.BindText(1, dir)
	stmt.BindInt(2, ar.dryRun)
	for pass := range 3 {
		if ar.dryRun >= 2 {
			fmt.Fprintf(ar.out, "*** BEGIN PASS %d ***\n", pass+1)
		}
		stmt.BindInt(3, pass)
		if ar.dryRun > 0 && pass == 0 {
			fmt.Fprintf(ar.out, "%s\n", sql)
		}
		for stmt.Step() {
			if pass == 0 && ar.verbose {
				fmt.Fprintf(ar.out, "%s\n", stmt.ColumnText(0))
			}
		}
		if ar.dryRun == 1 {
			break
		}
		if err = stmt.Reset(); err != nil {
			break
		}
		if ar.dryRun >= 2 {
			fmt.Fprintf(ar.out, "*** END PASS %d ***\n", pass+1)
		}
	}
	stmt.Close()
	if err != nil {
		return err // reported by dotArchive
	}
	return nil
}

// arCreate is stock's arCreateOrUpdateCommand: create (drop the table
// first), insert (replace every file named), update (only the files whose
// mtime or mode changed).
func (s *shell) arCreate(ar *arCmd, update, onlyChanged bool) error {
	exec := func(sql string) error {
		if ar.dryRun > 0 {
			fmt.Fprintf(ar.out, "%s\n", sql)
			return nil
		}
		err := ar.db.Exec(sql)
		if err != nil {
			fmt.Fprintf(s.stdout, "ERROR: %s\n", ErrorMessage(err))
		}
		return err
	}
	exec("PRAGMA page_size=512")
	if err := exec("SAVEPOINT ar;"); err != nil {
		return ReportedError{err}
	}
	err := error(nil)
	if !update {
		err = exec("DROP TABLE IF EXISTS sqlar")
	}
	if err == nil {
		err = exec(`CREATE TABLE IF NOT EXISTS sqlar(
  name TEXT PRIMARY KEY,  -- name of the file
  mode INT,               -- access permissions
  mtime INT,              -- last modification time
  sz INT,                 -- original file size
  data BLOB               -- compressed content
)`)
	}
	exists := ""
	if onlyChanged {
		exists = " AND NOT EXISTS(SELECT 1 FROM sqlar AS mem WHERE mem.name=disk.name" +
			" AND mem.mtime=disk.mtime AND mem.mode=disk.mode)"
	}
	name, dir := "name", "NULL"
	if ar.dir != nil {
		dir = "'" + strings.ReplaceAll(*ar.dir, "'", "''") + "'"
	}
	if ar.verbose {
		name = "shell_putsnl(name)"
	}
	for _, a := range ar.args {
		if err != nil {
			break
		}
		err = exec(fmt.Sprintf(`REPLACE INTO sqlar(name,mode,mtime,sz,data)
  SELECT
    %s,
    mode,
    mtime,
    CASE substr(lsmode(mode),1,1)
      WHEN '-' THEN length(data)
      WHEN 'd' THEN 0
      ELSE -1 END,
    sqlar_compress(data)
  FROM fsdir('%s',%s) AS disk
  WHERE lsmode(mode) NOT LIKE '?%%'%s;`, name, strings.ReplaceAll(a, "'", "''"), dir, exists))
	}
	if err != nil {
		ar.db.Exec("ROLLBACK TO ar; RELEASE ar;")
		return ReportedError{err}
	}
	if err := exec("RELEASE ar;"); err != nil {
		return ReportedError{err}
	}
	return nil
}
