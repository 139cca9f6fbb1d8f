package engine

import (
	"errors"
	"syscall"

	"github.com/ncruces/go-sqlite3"
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
	if _, ok := v.VFS.(vfs.VFSFilename); ok && name == "" {
		return v.OpenFilename(nil, flags)
	}
	f, flags, err := v.VFS.Open(name, flags)
	if err != nil {
		return nil, flags, err
	}
	return &fullFile{f}, flags, nil
}

func (v fullVFS) OpenFilename(name *vfs.Filename, flags vfs.OpenFlag) (vfs.File, vfs.OpenFlag, error) {
	o, ok := v.VFS.(vfs.VFSFilename)
	if !ok {
		return v.Open(name.String(), flags)
	}
	f, flags, err := o.OpenFilename(name, flags)
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
	if h, ok := f.File.(vfs.FileSizeHint); ok {
		return diskFull(h.SizeHint(size))
	}
	return sqlite3.NOTFOUND
}

// The optional methods, passed on (the driver's util/vfsutil does the same;
// written out here to keep the vendored packages as they are).

func (f *fullFile) Unwrap() vfs.File { return f.File }

func (f *fullFile) LockState() vfs.LockLevel {
	if l, ok := f.File.(vfs.FileLockState); ok {
		return l.LockState()
	}
	return vfs.LOCK_EXCLUSIVE + 1 // unknown
}

func (f *fullFile) PersistWAL() bool {
	p, ok := f.File.(vfs.FilePersistWAL)
	return ok && p.PersistWAL()
}

func (f *fullFile) SetPersistWAL(keep bool) {
	if p, ok := f.File.(vfs.FilePersistWAL); ok {
		p.SetPersistWAL(keep)
	}
}

func (f *fullFile) PowersafeOverwrite() bool {
	p, ok := f.File.(vfs.FilePowersafeOverwrite)
	return ok && p.PowersafeOverwrite()
}

func (f *fullFile) SetPowersafeOverwrite(psow bool) {
	if p, ok := f.File.(vfs.FilePowersafeOverwrite); ok {
		p.SetPowersafeOverwrite(psow)
	}
}

func (f *fullFile) HasMoved() (bool, error) {
	if h, ok := f.File.(vfs.FileHasMoved); ok {
		return h.HasMoved()
	}
	return false, sqlite3.NOTFOUND
}

func (f *fullFile) SharedMemory() vfs.SharedMemory {
	if s, ok := f.File.(vfs.FileSharedMemory); ok {
		return s.SharedMemory()
	}
	return nil
}

func (f *fullFile) MemoryMapper() vfs.MemoryMapper {
	if m, ok := f.File.(vfs.FileMemoryMapper); ok {
		return m.MemoryMapper()
	}
	return nil
}

func (f *fullFile) BeginAtomicWrite() error {
	if a, ok := f.File.(vfs.FileBatchAtomicWrite); ok {
		return a.BeginAtomicWrite()
	}
	return sqlite3.NOTFOUND
}

func (f *fullFile) CommitAtomicWrite() error {
	if a, ok := f.File.(vfs.FileBatchAtomicWrite); ok {
		return a.CommitAtomicWrite()
	}
	return sqlite3.NOTFOUND
}

func (f *fullFile) RollbackAtomicWrite() error {
	if a, ok := f.File.(vfs.FileBatchAtomicWrite); ok {
		return a.RollbackAtomicWrite()
	}
	return sqlite3.NOTFOUND
}
