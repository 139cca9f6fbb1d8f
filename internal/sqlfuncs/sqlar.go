package sqlfuncs

import (
	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/sqlar"
)

// sqlar_compress(X) and sqlar_uncompress(X, SZ), as SQLite's
// ext/misc/sqlar.c has them for SQL Archives. Compressing returns X as it
// is: sqlar.c does that whenever zlib does not shrink the data, and a
// member whose sz equals length(data) is read back as stored, by the stock
// shell as by us; a zlib compressor would cost more than it saves here.
// Uncompressing inflates (internal/sqlar) data whose sz differs, as stock.

func sqlarCompress(ctx sqlite3.Context, arg ...sqlite3.Value) {
	ctx.ResultValue(arg[0])
}

func sqlarUncompress(ctx sqlite3.Context, arg ...sqlite3.Value) {
	sz := arg[1].Int64()
	data := arg[0].RawBlob()
	if sz <= 0 || sz == int64(len(data)) {
		ctx.ResultValue(arg[0])
		return
	}
	out, err := sqlar.Uncompress(data, int(min(sz, 1<<31-1)))
	if err != nil {
		ctx.ResultError(err)
		return
	}
	ctx.ResultBlob(out)
}
