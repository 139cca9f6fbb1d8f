package lineedit

import "golang.org/x/sys/unix"

// The ioctl requests that read and set a terminal's mode (tcgetattr and
// tcsetattr with TCSANOW), whose names differ by system.
const (
	ioctlGetTermios = unix.TIOCGETA
	ioctlSetTermios = unix.TIOCSETA
)
