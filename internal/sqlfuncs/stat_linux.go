package sqlfuncs

import "syscall"

// The stat fields fileio.c reads, whose names and types differ by system.

// statMode is st_mode (the type bits and the permissions).
func statMode(st *syscall.Stat_t) uint32 { return st.Mode }

// statMtime is st_mtime in whole seconds.
func statMtime(st *syscall.Stat_t) int64 { return int64(st.Mtim.Sec) }
