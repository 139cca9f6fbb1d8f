package engine

import "golang.org/x/sys/unix"

// probeTmpfile tries what ncruces' VFS tries first on Linux: an unnamed
// O_TMPFILE file in dir. known is false when the file system has no
// O_TMPFILE, and the VFS falls back to a named file.
func probeTmpfile(dir string) (works, known bool) {
	for {
		fd, err := unix.Open(dir, unix.O_RDWR|unix.O_EXCL|unix.O_TMPFILE|unix.O_CLOEXEC, 0o600)
		if err == nil {
			unix.Close(fd)
			return true, true
		}
		if err == unix.EINTR {
			continue
		}
		if err != unix.EISDIR && err != unix.EOPNOTSUPP {
			return false, true
		}
		return false, false // no O_TMPFILE on this file system: the VFS uses a named file
	}
}
