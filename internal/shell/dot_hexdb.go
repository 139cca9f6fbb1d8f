package shell

import (
	"fmt"
	"os"
	"strconv"
	"strings"

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

// readHexDb reads a hex dump, a line at a time from next (false at the
// end), and returns the database image, or nil after a reported error. A
// dump in the script (fromScript) is read to its "| end" line also after
// an error. lineno is the number of lines before the first.
func (s *shell) readHexDb(next func() (string, bool, error), fromScript bool, lineno int) ([]byte, error) {
	var image []byte
	var offset int64
	var v [17]int64
	failed := ""
	for lineno++; ; lineno++ {
		line, ok, err := next()
		if err != nil {
			return nil, err
		}
		first := image == nil && failed == ""
		if !ok && !first {
			lineno-- // no line read (the stock shell counts a missing first line)
		}
		f := strings.Fields(line)
		if first { // | size N pagesize N
			if !ok || !dumpLine(f, "| size pagesize") || !numbers(v[:2], 10, f[2], f[4]) || int32(v[0]) < 0 {
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
		case dumpLine(f, "| page offset") && numbers(v[:2], 10, f[2], f[4]):
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
		return nil, engine.OutOfMemory(s.memoryLimit)
	case "-":
		if !fromScript {
			lineno = 1
		}
		fmt.Fprintf(s.stderr, "Error on line %d of --hexdb input\n", lineno)
		return nil, nil
	}
	return image, nil
}

// dumpLine reports whether the fields f are "| WORD N WORD N ...", the
// words those of want ("| size pagesize").
func dumpLine(f []string, want string) bool {
	return len(f) >= 5 && f[0]+" "+f[1]+" "+f[3] == want
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
	return s.readHexDb(func() (string, bool, error) {
		line, ok, err := s.next(src.lr, nil)
		if ok {
			src.lineno++
		}
		return line, ok, err
	}, name == "", src.lineno)
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
	switch {
	case mode == "hexdb":
		image, err = s.hexdb(file)
	case file != "":
		if st, serr := os.Stat(file); serr == nil && st.Size() > s.memoryLimit {
			err = engine.OutOfMemory(s.memoryLimit)
		} else {
			image, _ = os.ReadFile(file)
		}
	}
	if isQuit(err) || s.interruption(err) != nil {
		return err
	}
	if err == nil {
		db, oerr := engine.OpenImage(s.ctx, image, s.openOptions())
		if oerr == nil {
			return s.useDB(db, file)
		}
		if ie := s.interruption(oerr); ie != nil {
			return ie
		}
		err = oerr
	}
	db, ferr := engine.OpenImage(s.ctx, nil, s.openOptions())
	if ferr != nil {
		return fmt.Errorf("%v (and no in-memory database either: %v)", err, ferr)
	}
	if uerr := s.useDB(db, file); uerr != nil {
		return uerr
	}
	return err
}
