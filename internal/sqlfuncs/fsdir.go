package sqlfuncs

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"github.com/ncruces/go-sqlite3"
)

// The table-valued function fsdir(PATH[,DIR]) of SQLite's ext/misc/fileio.c:
// PATH and, under it, every file depth first, with POSIX modes (lsmode),
// whole-second mtimes, contents, and names as given ("./a" under ".").

// fsdir's columns; path and dir are its hidden arguments.
const (
	fsdirName = iota
	fsdirMode
	fsdirMtime
	fsdirData
	fsdirLevel
	fsdirPath
	fsdirDir
)

func registerFsdir(conn *sqlite3.Conn) error {
	return sqlite3.CreateModule(conn, "fsdir", nil,
		func(db *sqlite3.Conn, _, _, _ string, _ ...string) (fsdirTable, error) {
			err := db.DeclareVTab(`CREATE TABLE x(name,mode,mtime,data,level,path HIDDEN,dir HIDDEN)`)
			if err == nil {
				err = db.VTabConfig(sqlite3.VTAB_DIRECTONLY)
			}
			return fsdirTable{}, err
		})
}

type fsdirTable struct{}

// BestIndex plans as fileio.c does: idxNum bit 1 path=, 2 dir=, 4 level<,
// 8 level<= (or level=).
func (fsdirTable) BestIndex(idx *sqlite3.IndexInfo) error {
	path, dir, level := -1, -1, -1
	levelBit, omitLevel := 0, false
	seenPath, seenDir := false, false
	for i, c := range idx.Constraint {
		if c.Op == sqlite3.INDEX_CONSTRAINT_EQ {
			switch c.Column {
			case fsdirPath:
				if c.Usable {
					path, seenPath = i, false
				} else if path < 0 {
					seenPath = true
				}
			case fsdirDir:
				if c.Usable {
					dir, seenDir = i, false
				} else if dir < 0 {
					seenDir = true
				}
			case fsdirLevel:
				if c.Usable && level < 0 {
					level, levelBit, omitLevel = i, 0x08, false
				}
			}
		} else if c.Column == fsdirLevel && c.Usable && level < 0 {
			switch c.Op {
			case sqlite3.INDEX_CONSTRAINT_LE:
				level, levelBit, omitLevel = i, 0x08, true
			case sqlite3.INDEX_CONSTRAINT_LT:
				level, levelBit, omitLevel = i, 0x04, true
			}
		}
	}
	if seenPath || seenDir {
		return sqlite3.CONSTRAINT
	}
	if path < 0 {
		idx.IdxNum = 0
		idx.EstimatedRows = 0x7fffffff
		return nil
	}
	idx.ConstraintUsage[path] = sqlite3.IndexConstraintUsage{ArgvIndex: 1, Omit: true}
	idx.IdxNum = 0x01
	idx.EstimatedCost = 1e9
	argv := 2
	if dir >= 0 {
		idx.ConstraintUsage[dir] = sqlite3.IndexConstraintUsage{ArgvIndex: argv, Omit: true}
		argv++
		idx.IdxNum |= 0x02
		idx.EstimatedCost /= 1e4
	}
	if level >= 0 {
		idx.ConstraintUsage[level] = sqlite3.IndexConstraintUsage{ArgvIndex: argv, Omit: omitLevel}
		idx.IdxNum |= levelBit
		idx.EstimatedCost /= 1e4
	}
	return nil
}

func (fsdirTable) Open() (sqlite3.VTabCursor, error) { return &fsdirCursor{}, nil }

// fsdirCursor walks depth first: each directory's entries are listed right
// after it, in the order the file system returns them.
type fsdirCursor struct {
	levels []dirListing // the directories being listed, innermost last
	maxLvl int
	base   int // bytes of the DIR prefix (and its slash) to drop from names
	path   string
	st     syscall.Stat_t
	eof    bool
	rowid  int64
}

type dirListing struct {
	dir   string
	names []string
}

func (c *fsdirCursor) Filter(idxNum int, _ string, arg ...sqlite3.Value) error {
	*c = fsdirCursor{rowid: 1}
	if idxNum == 0 {
		return errors.New("table function fsdir requires an argument")
	}
	if arg[0].Type() == sqlite3.NULL {
		return errors.New("table function fsdir requires a non-NULL argument")
	}
	root := arg[0].Text()
	i := 1
	var base *string
	if idxNum&0x02 != 0 {
		if arg[i].Type() != sqlite3.NULL {
			s := arg[i].Text()
			base = &s
		}
		i++
	}
	c.maxLvl = 1000000000
	if idxNum&0x0c != 0 {
		c.maxLvl = int(int32(arg[i].Int64()))
		if idxNum&0x08 != 0 {
			c.maxLvl++
		}
		if c.maxLvl <= 0 {
			c.maxLvl = 1000000000
		}
	}
	c.path = root
	if base != nil {
		c.base = len(*base) + 1
		c.path = *base + "/" + root
	}
	if syscall.Lstat(c.path, &c.st) != nil {
		return fmt.Errorf("cannot stat file: %s", c.path)
	}
	return nil
}

func (c *fsdirCursor) Next() error {
	c.rowid++
	if c.st.Mode&sIFMT == sIFDIR && len(c.levels)+2 < c.maxLvl {
		f, err := os.Open(c.path)
		if err != nil {
			return fmt.Errorf("cannot read directory: %s", c.path)
		}
		names, err := f.Readdirnames(-1) // directory order, unsorted, as readdir(3)
		f.Close()
		if err != nil {
			return fmt.Errorf("cannot read directory: %s", c.path)
		}
		c.levels = append(c.levels, dirListing{dir: c.path, names: names})
	}
	for len(c.levels) > 0 {
		l := &c.levels[len(c.levels)-1]
		if len(l.names) == 0 {
			c.levels = c.levels[:len(c.levels)-1]
			continue
		}
		name := l.names[0]
		l.names = l.names[1:]
		c.path = l.dir + "/" + name
		if syscall.Lstat(c.path, &c.st) != nil {
			return fmt.Errorf("cannot stat file: %s", c.path)
		}
		return nil
	}
	c.eof = true
	return nil
}

func (c *fsdirCursor) EOF() bool { return c.eof }

func (c *fsdirCursor) RowID() (int64, error) { return c.rowid, nil }

func (c *fsdirCursor) Column(ctx sqlite3.Context, n int) error {
	switch n {
	case fsdirName:
		if c.base <= len(c.path) {
			ctx.ResultText(c.path[c.base:])
		}
	case fsdirMode:
		ctx.ResultInt64(int64(c.st.Mode))
	case fsdirMtime:
		ctx.ResultInt64(c.st.Mtim.Sec)
	case fsdirData:
		switch c.st.Mode & sIFMT {
		case sIFDIR:
		case sIFLNK:
			if target, err := os.Readlink(c.path); err == nil {
				ctx.ResultText(target)
			}
		default:
			readContents(ctx, c.path)
		}
	case fsdirLevel:
		ctx.ResultInt(len(c.levels) + 1)
	}
	return nil
}
