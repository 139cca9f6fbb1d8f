//go:build !linux

package engine

// probeTmpfile knows nothing outside Linux: there ncruces' VFS has no
// O_TMPFILE (vfs/os_std_temp.go) and always creates a named file with
// os.CreateTemp($SQLITE_TMPDIR, "*.db"), removed at once, which is what
// tempDirWorks then probes. A kill -9 between create and remove can leave
// that file behind, as the VFS itself can.
func probeTmpfile(string) (works, known bool) { return false, false }
