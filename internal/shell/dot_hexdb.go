package shell

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
)

// .open --hexdb reads a database in the text form of SQLite's dbtotxt tool
// (the stock shell's readHexDb), from FILE or, without one, from the
// script's next lines up to "| end ...":
//
//	| size 8192 pagesize 4096 filename x.db
//	| page 1 offset 0
//	|      0: 53 51 4c 69 74 65 20 66 6f 72 6d 61 74 20 33 00   SQLite format 3.
//	| end x.db
//
// The image is size bytes rounded up to whole pages, zero but for the
// 16-byte rows given (rows outside it are skipped); other lines are
// ignored. Messages and line numbers are the stock shell's.

// maxAllocation is SQLite's largest allocation (SQLITE_MAX_ALLOCATION_SIZE):
// a larger image is the stock shell's fatal "out of memory".
const maxAllocation = 2147483391

// errNoMemory is what the driver's panic says when SQLite runs out of
// memory: engine.PanicError makes it the message naming the limit.
var errNoMemory = errors.New("out of memory")

// readHexDb reads a hex dump from src and returns the database image, or
// nil after a reported error. A dump in the script (fromScript) is read to
// its "| end" line also after an error.
func (s *shell) readHexDb(src *scriptSource, fromScript bool) ([]byte, error) {
	lineno := src.lineno
	var image []byte
	var offset int64
	var v [17]int64
	failed := ""
	for lineno++; ; lineno++ {
		line, ok, err := s.next(src.lr, nil)
		if err != nil {
			return nil, err
		}
		if ok {
			src.lineno++
		}
		first := image == nil && failed == ""
		if !ok && !first {
			lineno-- // no line read (the stock shell counts a missing first line)
		}
		f := strings.Fields(line)
		if first { // | size N pagesize N
			if !ok || !(len(f) >= 5 && f[0]+" "+f[1]+" "+f[3] == "| size pagesize") || !numbers(v[:2], 10, f[2], f[4]) || int32(v[0]) < 0 {
				failed = "-"
			} else if pg := int64(int32(v[1])); pg < 512 || pg > 65536 || pg&(pg-1) != 0 {
				fmt.Fprint(s.stderr, "invalid pagesize\n")
				failed = "-"
			} else if sz := (int64(int32(v[0])) + pg - 1) &^ (pg - 1); sz > maxAllocation {
				fmt.Fprint(s.stderr, "Error: out of memory\n") // the stock shell's malloc fails and it ends
				return nil, QuitError{1}
			} else if sz > s.memoryLimit { // it cannot fit in SQLite's memory: say so before reading it
				failed = "memory"
			} else {
				image = make([]byte, sz)
			}
			if failed != "" && !fromScript {
				break
			}
			continue
		}
		if !ok || strings.HasPrefix(line, "| end ") {
			break
		}
		switch {
		case failed != "":
		case len(f) >= 5 && f[0]+" "+f[1]+" "+f[3] == "| page offset" && numbers(v[:2], 10, f[2], f[4]):
			offset = int64(int32(v[1]))
		case len(f) >= 18 && f[0] == "|" && strings.HasSuffix(f[1], ":") &&
			numbers(v[:1], 10, f[1][:len(f[1])-1]) && numbers(v[1:], 16, f[2:18]...):
			if off := offset + int64(int32(v[0])); off >= 0 && off+16 <= int64(len(image)) {
				for i := range 16 {
					image[off+int64(i)] = byte(v[1+i])
				}
			}
		}
	}
	switch failed {
	case "memory":
		return nil, engine.PanicError(errNoMemory, s.memoryLimit)
	case "-":
		if !fromScript {
			lineno = 1
		}
		fmt.Fprintf(s.stderr, "Error on line %d of --hexdb input\n", lineno)
		return nil, nil
	}
	return image, nil
}

// numbers reads texts as integers in base into v; false when one is not.
func numbers(v []int64, base int, texts ...string) bool {
	for i, t := range texts {
		n, err := strconv.ParseInt(t, base, 64)
		if err != nil {
			return false
		}
		v[i] = n
	}
	return true
}

// hexdb reads the hex dump in the file name or, when name is "", in the
// lines after the .open in the script being read (stdin when there is
// none).
func (s *shell) hexdb(name string) ([]byte, error) {
	src := s.source
	if name != "" || src == nil { // a file, or stdin after a command-line argument
		in := s.stdin
		if name != "" {
			f, err := os.Open(name)
			if err != nil {
				fmt.Fprintf(s.stderr, "cannot open \"%s\" for reading\n", name)
				return nil, nil
			}
			defer f.Close()
			in = f
		}
		lr := newLineReader(in)
		defer lr.close()
		src = &scriptSource{lr: lr}
	}
	return s.readHexDb(src, name == "")
}

// openImage is .open --hexdb ?FILE? and .open --deserialize ?FILE?: an
// in-memory database holding the database in FILE, a hex dump (from the
// script without FILE) or a database file. As in the stock shell, a dump
// with errors or a FILE that cannot be read leaves an empty in-memory
// database (after the dump's message; a missing --deserialize FILE says
// nothing).
func (s *shell) openImage(mode, file string) error {
	var image []byte
	var err error
	if mode == "hexdb" {
		image, err = s.hexdb(file)
	} else if st, serr := os.Stat(file); serr == nil && st.Size() > s.memoryLimit {
		err = engine.PanicError(errNoMemory, s.memoryLimit)
	} else {
		image, _ = os.ReadFile(file) // none without FILE
	}
	if isQuit(err) || s.interruption(err) != nil {
		return err
	}
	var db *sqlite3.Conn
	o := engine.Options{MemoryLimit: s.memoryLimit, BusyTimeout: s.busyTimeout}
	if err == nil {
		db, err = engine.OpenImage(s.ctx, image, o)
		if ie := s.interruption(err); ie != nil {
			return ie
		}
	}
	if err != nil { // the empty database the stock shell is left with
		var ferr error
		if db, ferr = engine.OpenImage(s.ctx, nil, o); ferr != nil {
			return ferr
		}
	}
	if uerr := s.useDB(db, file); uerr != nil {
		return uerr
	}
	return err
}
