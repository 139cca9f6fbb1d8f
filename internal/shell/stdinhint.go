package shell

import (
	"fmt"
	"io"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// stdinHint is printed when the shell would read SQL from a stdin that is
// /dev/null: what "docker run IMAGE FILE" without -i gives the program,
// which then did nothing and said nothing. The exit status stays 0.
const stdinHint = "hello-sqlite: reading SQL from standard input, which is /dev/null (give SQL as arguments, or use docker run -i)"

// isDevNull reports whether r is the null device.
func isDevNull(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && st.Rdev == unix.Mkdev(1, 3)
}

// hintIfNoInput prints stdinHint when stdin is /dev/null.
func (s *shell) hintIfNoInput() {
	if isDevNull(s.stdin) {
		fmt.Fprintln(s.stderr, stdinHint)
	}
}
