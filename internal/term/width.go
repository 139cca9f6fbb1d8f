package term

import (
	"os"

	"golang.org/x/sys/unix"
)

// DefaultScreenWidth is the width assumed when no terminal tells.
const DefaultScreenWidth = 80

// ScreenWidth is the width of the terminal on the first of files that is
// one (the stock shell asks stdin, then stdout, then stderr), or
// DefaultScreenWidth.
func ScreenWidth(files ...any) int {
	for _, f := range files {
		if f, ok := f.(*os.File); ok {
			if ws, err := unix.IoctlGetWinsize(int(f.Fd()), unix.TIOCGWINSZ); err == nil {
				return int(ws.Col)
			}
		}
	}
	return DefaultScreenWidth
}

// IsTerminalFile reports whether f (a reader or writer) is a terminal.
func IsTerminalFile(f any) bool {
	file, ok := f.(*os.File)
	if !ok {
		return false
	}
	_, err := unix.IoctlGetTermios(int(file.Fd()), ioctlGetTermios)
	return err == nil
}
