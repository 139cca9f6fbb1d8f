package shell

import "syscall"

// isNullDevice reports whether st is the null device. On darwin its device
// number is not Linux's 1,3 (and Rdev is 32 bits), so compare with what
// /dev/null itself is.
func isNullDevice(st *syscall.Stat_t) bool {
	var null syscall.Stat_t
	return syscall.Stat("/dev/null", &null) == nil && st.Rdev == null.Rdev
}
