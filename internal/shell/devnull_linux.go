package shell

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// isNullDevice reports whether st is the null device: 1,3 on Linux, fixed
// by the kernel, so a scratch container without /dev still knows it.
func isNullDevice(st *syscall.Stat_t) bool { return st.Rdev == unix.Mkdev(1, 3) }
