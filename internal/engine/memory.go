package engine

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"

	"github.com/ncruces/go-sqlite3"
)

// Memory. SQLite runs inside a Wasm module whose linear memory is its whole
// heap; ncruces/go-sqlite3 caps that memory per connection (256 MB by
// default on 64-bit, set with sqlite3.WithMaxMemory on the context given to
// OpenContext; Wasm32 can address at most 4096 MB). When SQLite's malloc
// fails, SQLite returns SQLITE_NOMEM and the driver turns that into a Go
// panic ("sqlite3: out of memory"). Guard turns such panics back into an
// error that names the limit and how to raise it; SQLite itself is left
// consistent (NOMEM is an ordinary SQLite error), so the session goes on.
//
// The limit is raised with -memory MB or the HELLO_SQLITE_MEMORY=MB
// environment variable (the option wins).

const (
	mib                = 1 << 20
	DefaultMemoryLimit = 256 * mib
	maxMemoryLimit     = 4096 * mib // the most a Wasm32 memory can hold
)

// memoryError is SQLite running out of its memory.
type memoryError struct{ limit int64 }

func (e memoryError) Error() string {
	return fmt.Sprintf("out of memory (limit %d MB; raise it with -memory MB or HELLO_SQLITE_MEMORY=MB, at most %d)",
		e.limit/mib, maxMemoryLimit/mib)
}

// ParseMemoryLimit reads a limit in MB ("512", "512MB", "2GB").
func ParseMemoryLimit(text string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(text))
	unit := int64(mib)
	switch {
	case strings.HasSuffix(t, "GB"):
		t, unit = strings.TrimSuffix(t, "GB"), 1024*mib
	case strings.HasSuffix(t, "MB"):
		t = strings.TrimSuffix(t, "MB")
	}
	n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64)
	if err != nil || n <= 0 || n > maxMemoryLimit/unit {
		return 0, fmt.Errorf("invalid memory limit %q: want MB from 1 to %d (or 1GB to 4GB)", text, maxMemoryLimit/mib)
	}
	return n * unit, nil
}

// MemoryLimitFromEnv returns HELLO_SQLITE_MEMORY's limit, or the default.
func MemoryLimitFromEnv() (int64, error) {
	v := os.Getenv("HELLO_SQLITE_MEMORY")
	if v == "" {
		return DefaultMemoryLimit, nil
	}
	n, err := ParseMemoryLimit(v)
	if err != nil {
		return 0, fmt.Errorf("HELLO_SQLITE_MEMORY: %w", err)
	}
	return n, nil
}

// withMemoryLimit returns the context that opens a connection with limit.
func withMemoryLimit(ctx context.Context, limit int64) context.Context {
	return sqlite3.WithMaxMemory(ctx, limit)
}

// Guard runs fn, turning a panic from the driver (out of memory, or any
// other) into an error, so that no Go panic trace reaches the user.
func Guard(limit int64, fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = PanicError(r, limit)
		}
	}()
	return fn()
}

// PanicError describes a recovered panic value.
func PanicError(r any, limit int64) error {
	if e, ok := r.(error); ok {
		if strings.Contains(e.Error(), "out of memory") {
			return memoryError{limit}
		}
		var me memoryError
		if errors.As(e, &me) {
			return me
		}
		if errors.Is(e, syscall.ENOMEM) { // reserving the Wasm memory's address space failed
			return fmt.Errorf("cannot reserve %d MB of address space for SQLite's memory (lower it with -memory MB)", limit/mib)
		}
	}
	return fmt.Errorf("internal error: %v", r)
}
