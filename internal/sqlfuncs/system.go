package sqlfuncs

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// usleep(N) sleeps N microseconds, in whole milliseconds as sqlite3_sleep
// does, and returns N; lsmode(M) spells a POSIX st_mode as ls does;
// realpath(P) is P made absolute with symbolic links resolved, the parts
// that do not exist kept as written.

func usleep(ctx sqlite3.Context, arg ...sqlite3.Value) {
	n := int32(arg[0].Int64()) // sqlite3_value_int
	if ms := n / 1000; ms > 0 {
		time.Sleep(time.Duration(ms) * time.Millisecond)
	}
	ctx.ResultInt64(int64(n))
}

// POSIX file types, the bits of st_mode under S_IFMT (0170000).
const (
	sIFMT  = 0o170000
	sIFDIR = 0o040000
	sIFREG = 0o100000
	sIFLNK = 0o120000
)

func lsmode(ctx sqlite3.Context, arg ...sqlite3.Value) {
	m := int32(arg[0].Int64())
	var b [10]byte
	switch m & sIFMT {
	case sIFLNK:
		b[0] = 'l'
	case sIFREG:
		b[0] = '-'
	case sIFDIR:
		b[0] = 'd'
	default:
		b[0] = '?'
	}
	for i := range 9 {
		if m&(1<<(8-i)) != 0 {
			b[1+i] = "rwx"[i%3]
		} else {
			b[1+i] = '-'
		}
	}
	ctx.ResultText(string(b[:]))
}

func realpath(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	p, err := resolvePath(arg[0].Text())
	if err != nil {
		ctx.ResultError(err)
		return
	}
	ctx.ResultText(p)
}

// resolvePath walks p component by component from the root (or the working
// directory), following symbolic links as it meets them, so that ".." after
// a link goes up from the link's target, as realpath(3) does.
func resolvePath(p string) (string, error) {
	if !strings.HasPrefix(p, "/") {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		p = wd + "/" + p
	}
	done := "/"
	todo := strings.Split(p, "/")
	for links := 0; len(todo) > 0; {
		c := todo[0]
		todo = todo[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			done = filepath.Dir(done)
			continue
		}
		next := filepath.Join(done, c)
		target, err := os.Readlink(next)
		if err != nil { // not a link, or not there: keep it as written
			done = next
			continue
		}
		if links++; links > 40 {
			return "", &os.PathError{Op: "realpath", Path: p, Err: os.ErrInvalid}
		}
		if strings.HasPrefix(target, "/") {
			done = "/"
		}
		todo = append(strings.Split(target, "/"), todo...)
	}
	return done, nil
}
