// Package sqlfuncs owns the SQL functions and table-valued functions that the
// stock sqlite3 shell registers on every connection it opens (shell.c.in's
// extensions) and that the engine does not have: readfile, writefile, lsmode,
// fsdir, realpath, sqlar_compress, sqlar_uncompress, sha1, sha1b, sha1_query,
// sha3, sha3_agg, sha3_query, median, percentile, percentile_cont,
// percentile_disc, base85, is_base85, strtod, dtostr, usleep and edit; and, in
// the -tags full build only, the FTS5 and R*Tree virtual tables that stock's
// SQLite has built in.
//
// Go's crypto/sha1 and crypto/sha3 compute the digests. The rest is written
// here to the stock shell's semantics and messages (testdata/cases.golden is
// the stock shell's output), because the ready-made versions differ from it:
// ncruces' ext/fileio reports Go's fs.FileMode bits instead of st_mode,
// fractional mtimes and cleaned names (and costs 0.18 MB); ext/hash's sha1 is
// a blob where stock's is hex text; ext/stats words its errors otherwise,
// registers 27 functions the stock shell lacks and costs 0.45 MB.
package sqlfuncs

import (
	"errors"

	"github.com/ncruces/go-sqlite3"
)

// Register adds the stock shell's functions to conn. The shell calls it for
// every connection it opens, as shell.c.in's open_db does.
func Register(conn *sqlite3.Conn) error {
	const (
		pure   = sqlite3.DETERMINISTIC | sqlite3.INNOCUOUS
		direct = sqlite3.DIRECTONLY
	)
	return errors.Join(
		conn.CreateFunction("readfile", 1, direct, readfile),
		conn.CreateFunction("writefile", -1, direct, writefile),
		conn.CreateFunction("lsmode", 1, 0, lsmode),
		registerFsdir(conn),
		conn.CreateFunction("realpath", 1, 0, realpath),
		conn.CreateFunction("sqlar_compress", 1, 0, sqlarCompress),
		conn.CreateFunction("sqlar_uncompress", 2, 0, sqlarUncompress),

		conn.CreateFunction("sha1", 1, pure, sha1Hex),
		conn.CreateFunction("sha1b", 1, pure, sha1Blob),
		conn.CreateFunction("sha1_query", 1, direct, sha1Query),
		conn.CreateFunction("sha3", 1, pure, sha3Func),
		conn.CreateFunction("sha3", 2, pure, sha3Func),
		conn.CreateWindowFunction("sha3_agg", 1, pure, newSHA3Agg),
		conn.CreateWindowFunction("sha3_agg", 2, pure, newSHA3Agg),
		conn.CreateFunction("sha3_query", 1, direct, sha3Query),
		conn.CreateFunction("sha3_query", 2, direct, sha3Query),

		conn.CreateWindowFunction("median", 1, sqlite3.INNOCUOUS, newPercentile(median)),
		conn.CreateWindowFunction("percentile", 2, sqlite3.INNOCUOUS, newPercentile(percentile)),
		conn.CreateWindowFunction("percentile_cont", 2, sqlite3.INNOCUOUS, newPercentile(percentileCont)),
		conn.CreateWindowFunction("percentile_disc", 2, sqlite3.INNOCUOUS, newPercentile(percentileDisc)),

		conn.CreateFunction("base85", 1, pure|direct, base85),
		conn.CreateFunction("is_base85", 1, pure, isBase85),

		conn.CreateFunction("strtod", 1, 0, strtod),
		conn.CreateFunction("dtostr", 1, 0, dtostr),
		conn.CreateFunction("dtostr", 2, 0, dtostr),
		conn.CreateFunction("usleep", 1, 0, usleep),
		conn.CreateFunction("edit", 1, 0, edit),
		conn.CreateFunction("edit", 2, 0, edit),
		registerModules(conn),
	)
}
