package sqlfuncs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// readfile(F) and writefile(F,DATA[,MODE[,MTIME]]) as SQLite's
// ext/misc/fileio.c has them (fsdir is in fsdir.go): MODE is a POSIX st_mode
// (a directory or a symbolic link makes one), MTIME whole seconds. ncruces'
// ext/fileio is close, but its fsdir reports Go's fs.FileMode bits,
// fractional mtimes and cleaned names, so the stock shell's queries and
// outputs (and .ar's) would not carry over.

var errWritefileArgs = errors.New("wrong number of arguments to function writefile()")

func readfile(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	readContents(ctx, arg[0].Text())
}

// readContents sets the result to the file's bytes, or leaves it NULL when
// the file cannot be opened.
func readContents(ctx sqlite3.Context, name string) {
	f, err := os.Open(name)
	if err != nil {
		return
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		// fileio.c's ftell() on a directory says LONG_MAX bytes
		ctx.ResultError(sqlite3.TOOBIG)
		return
	}
	data, err := io.ReadAll(f)
	if err != nil {
		ctx.ResultError(sqlite3.IOERR)
		return
	}
	ctx.ResultBlob(data)
}

func writefile(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if len(arg) < 2 || len(arg) > 4 {
		ctx.ResultError(errWritefileArgs)
		return
	}
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	name := arg[0].Text()
	var mode uint32
	if len(arg) >= 3 {
		mode = uint32(int32(arg[2].Int64()))
	}
	mtime := int64(-1)
	if len(arg) == 4 {
		mtime = arg[3].Int64()
	}
	res, err := writeFile(ctx, name, arg[1], mode, mtime)
	if res == 1 && errors.Is(err, fs.ErrNotExist) && makeParents(name) == nil {
		res, _ = writeFile(ctx, name, arg[1], mode, mtime)
	}
	if len(arg) > 2 && res != 0 {
		what := "write file"
		switch mode & sIFMT {
		case sIFLNK:
			what = "create symlink"
		case sIFDIR:
			what = "create directory"
		}
		ctx.ResultError(fmt.Errorf("failed to %s: %s", what, name))
	}
}

// writeFile is fileio.c's writeFile: 0 on success, 1 on failure (err says
// why), 2 when the data could not all be written or the mode set.
func writeFile(ctx sqlite3.Context, name string, data sqlite3.Value, mode uint32, mtime int64) (int, error) {
	switch mode & sIFMT {
	case sIFLNK:
		if data.Type() == sqlite3.NULL {
			return 1, nil
		}
		os.Remove(name)
		if err := os.Symlink(data.Text(), name); err != nil {
			return 1, err
		}
	case sIFDIR:
		if err := syscall.Mkdir(name, mode&0o7777); err != nil {
			var st syscall.Stat_t
			if err != syscall.EEXIST || syscall.Stat(name, &st) != nil || st.Mode&sIFMT != sIFDIR ||
				st.Mode&0o777 != mode&0o777 && syscall.Chmod(name, mode&0o777) != nil {
				return 1, err
			}
		}
	default:
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
		if err != nil {
			return 1, err
		}
		var b []byte
		if t := data.Type(); t == sqlite3.BLOB {
			b = data.RawBlob()
		} else if t != sqlite3.NULL {
			b = data.RawText()
		}
		_, werr := f.Write(b)
		cerr := f.Close()
		if werr != nil || cerr != nil || mode != 0 && syscall.Chmod(name, mode&0o777) != nil {
			return 2, nil
		}
		ctx.ResultInt64(int64(len(b)))
	}
	if mtime >= 0 && mode&sIFMT != sIFLNK {
		if err := os.Chtimes(name, time.Now(), time.Unix(mtime, 0)); err != nil {
			return 1, err
		}
	}
	return 0, nil
}

// makeParents creates the missing directories above name.
func makeParents(name string) error {
	for i := 1; i < len(name); i++ {
		if name[i] != '/' {
			continue
		}
		dir := name[:i]
		st, err := os.Stat(dir)
		switch {
		case err != nil:
			if err := os.Mkdir(dir, 0o777); err != nil {
				return err
			}
		case !st.IsDir():
			return syscall.ENOTDIR
		}
	}
	return nil
}
