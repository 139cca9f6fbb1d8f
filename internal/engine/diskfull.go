package engine

import (
	"errors"
	"syscall"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/util/vfsutil"
	"github.com/ncruces/go-sqlite3/vfs"
)

// The VFS every database is opened with: the driver's "os" VFS, except
// that a write refused for lack of space fails with SQLITE_FULL ("database
// or disk is full"), as in SQLite's C unix VFS. The driver (v0.37.0) means
// to map ENOSPC but misses it inside *fs.PathError, so SQLite says "disk
// I/O error" and takes its I/O-error path; see docs/upstream-enospc.md.
// Drop this once the driver maps the error itself.

// VFSName names the VFS in file: URIs (vfs=...).
const VFSName = "hello-os"

func init() { vfs.Register(VFSName, fullVFS{vfs.Find("os")}) }

type fullVFS struct{ vfs.VFS }

func (v fullVFS) Open(name string, flags vfs.OpenFlag) (vfs.File, vfs.OpenFlag, error) {
	f, flags, err := vfsutil.WrapOpen(v.VFS, name, flags)
	if err != nil {
		return nil, flags, err
	}
	return &fullFile{f}, flags, nil
}

func (v fullVFS) OpenFilename(name *vfs.Filename, flags vfs.OpenFlag) (vfs.File, vfs.OpenFlag, error) {
	f, flags, err := vfsutil.WrapOpenFilename(v.VFS, name, flags)
	if err != nil {
		return nil, flags, err
	}
	return &fullFile{f}, flags, nil
}

// fullFile passes everything to the driver's file; the optional methods
// are exactly those the driver's own file has, so SQLite sees the same
// capabilities (locking, WAL shared memory, mmap, f2fs atomic writes).
type fullFile struct{ vfs.File }

// diskFull tags an ENOSPC error as SQLITE_FULL.
func diskFull(err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		return vfs.SystemError(err, sqlite3.FULL)
	}
	return err
}

func (f *fullFile) WriteAt(p []byte, off int64) (int, error) {
	n, err := f.File.WriteAt(p, off)
	return n, diskFull(err)
}

func (f *fullFile) Truncate(size int64) error { return diskFull(f.File.Truncate(size)) }

func (f *fullFile) SizeHint(size int64) error {
	return diskFull(vfsutil.WrapSizeHint(f.File, size))
}

func (f *fullFile) Unwrap() vfs.File                { return f.File }
func (f *fullFile) LockState() vfs.LockLevel        { return vfsutil.WrapLockState(f.File) }
func (f *fullFile) PersistWAL() bool                { return vfsutil.WrapPersistWAL(f.File) }
func (f *fullFile) SetPersistWAL(keep bool)         { vfsutil.WrapSetPersistWAL(f.File, keep) }
func (f *fullFile) PowersafeOverwrite() bool        { return vfsutil.WrapPowersafeOverwrite(f.File) }
func (f *fullFile) SetPowersafeOverwrite(psow bool) { vfsutil.WrapSetPowersafeOverwrite(f.File, psow) }
func (f *fullFile) HasMoved() (bool, error)         { return vfsutil.WrapHasMoved(f.File) }
func (f *fullFile) SharedMemory() vfs.SharedMemory  { return vfsutil.WrapSharedMemory(f.File) }
func (f *fullFile) MemoryMapper() vfs.MemoryMapper  { return vfsutil.WrapMemoryMapper(f.File) }
func (f *fullFile) BeginAtomicWrite() error         { return vfsutil.WrapBeginAtomicWrite(f.File) }
func (f *fullFile) CommitAtomicWrite() error        { return vfsutil.WrapCommitAtomicWrite(f.File) }
func (f *fullFile) RollbackAtomicWrite() error      { return vfsutil.WrapRollbackAtomicWrite(f.File) }
