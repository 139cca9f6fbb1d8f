//go:build !linux

package ptytest

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

const ioctlGetTermios, ioctlSetTermios = unix.TIOCGETA, unix.TIOCSETA

// Open is Linux only: this project's tests run on Linux, and darwin's
// ptsname (the TIOCPTYGNAME ioctl) has no wrapper in x/sys/unix. The
// darwin build is only cross-compiled and vetted (see the README).
func Open() (master, slave *os.File, err error) {
	return nil, nil, errors.ErrUnsupported
}

// Queued is Linux only (TIOCINQ), as Open.
func Queued(fd int) (int, error) { return 0, errors.ErrUnsupported }
