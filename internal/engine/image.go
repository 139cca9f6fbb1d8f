package engine

import (
	"context"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/ext/serdes"
)

// OpenImage opens a new in-memory database holding image, the bytes of a
// database file: the stock shell's .open --deserialize and --hexdb. The
// Wasm build leaves out sqlite3_deserialize, so the bytes are copied in
// with an online backup (the driver's ext/serdes), which reads the image
// as a database right away: bytes that are not one fail here ("file is
// not a database"), not at the first statement as in the stock shell.
// The database is writable whatever o.ReadOnly says, as stock's.
func OpenImage(ctx context.Context, image []byte, o Options) (*sqlite3.Conn, error) {
	o.ReadOnly = false
	db, err := Open(ctx, ":memory:", o)
	if err != nil {
		return nil, err
	}
	err = Guard(o.MemoryLimit, func() error { return serdes.Deserialize(db, "main", image) })
	if err != nil {
		db.Close()
		if ierr := Interruption(ctx); ierr != nil {
			return nil, ierr
		}
		return nil, err
	}
	return db, nil
}
