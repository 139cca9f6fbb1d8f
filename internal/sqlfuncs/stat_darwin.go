package sqlfuncs

import "syscall"

// The stat fields fileio.c reads, whose names and types differ by system:
// on darwin st_mode is 16 bits and st_mtime is Mtimespec.

// statMode is st_mode (the type bits and the permissions).
func statMode(st *syscall.Stat_t) uint32 { return uint32(st.Mode) }

// statMtime is st_mtime in whole seconds.
func statMtime(st *syscall.Stat_t) int64 { return st.Mtimespec.Sec }
