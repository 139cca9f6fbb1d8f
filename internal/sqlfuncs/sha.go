package sqlfuncs

import (
	"crypto/sha1"
	"crypto/sha3"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"math"
	"strconv"
	"strings"

	"github.com/hello-sqlite/hello-sqlite/internal/sqltext"
	"github.com/ncruces/go-sqlite3"
)

// The digests of shathree.c and sha1.c: sha1(X) is lower-case hex text,
// sha1b(X) and sha3(X[,SIZE]) are blobs; the *_query functions hash the SQL
// text and result rows of every statement in their argument; sha3_agg hashes
// its inputs in order. Go's crypto packages compute the digests.

var errSHA3Size = errors.New("SHA3 size should be one of: 224 256 384 512")

// newSHA3 returns a SIZE-bit SHA3 hash, or nil for a size SQLite refuses.
func newSHA3(size int) hash.Hash {
	switch size {
	case 224:
		return sha3.New224()
	case 256:
		return sha3.New256()
	case 384:
		return sha3.New384()
	case 512:
		return sha3.New512()
	}
	return nil
}

// sha3Size reads the optional SIZE argument, as sqlite3_value_int does.
func sha3Size(arg []sqlite3.Value) int {
	if len(arg) < 2 {
		return 256
	}
	return int(int32(arg[1].Int64()))
}

// valueBytes is what sha1 and sha3 hash: a blob as is, anything else as text.
func valueBytes(v sqlite3.Value) []byte {
	if v.Type() == sqlite3.BLOB {
		return v.RawBlob()
	}
	return v.RawText()
}

func sha1Sum(arg []sqlite3.Value) ([]byte, bool) {
	if arg[0].Type() == sqlite3.NULL {
		return nil, false
	}
	sum := sha1.Sum(valueBytes(arg[0]))
	return sum[:], true
}

func sha1Hex(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if sum, ok := sha1Sum(arg); ok {
		ctx.ResultText(hex.EncodeToString(sum))
	}
}

func sha1Blob(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if sum, ok := sha1Sum(arg); ok {
		ctx.ResultBlob(sum)
	}
}

func sha3Func(ctx sqlite3.Context, arg ...sqlite3.Value) {
	h := newSHA3(sha3Size(arg))
	if h == nil {
		ctx.ResultError(errSHA3Size)
		return
	}
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	h.Write(valueBytes(arg[0]))
	ctx.ResultBlob(h.Sum(nil))
}

// hashValue adds one typed value to h in the format of shathree.c and sha1.c:
// N, I<8 bytes big-endian>, F<8 bytes big-endian>, T<n>:<text>, B<n>:<bytes>.
func hashValue(h hash.Hash, v sqlite3.Value) {
	var b [9]byte
	switch v.Type() {
	case sqlite3.NULL:
		h.Write([]byte("N"))
	case sqlite3.INTEGER:
		b[0] = 'I'
		binary.BigEndian.PutUint64(b[1:], uint64(v.Int64()))
		h.Write(b[:])
	case sqlite3.FLOAT:
		b[0] = 'F'
		binary.BigEndian.PutUint64(b[1:], math.Float64bits(v.Float()))
		h.Write(b[:])
	case sqlite3.TEXT:
		t := v.RawText()
		h.Write([]byte("T" + strconv.Itoa(len(t)) + ":"))
		h.Write(t)
	case sqlite3.BLOB:
		t := v.RawBlob()
		h.Write([]byte("B" + strconv.Itoa(len(t)) + ":"))
		h.Write(t)
	}
}

// hashQuery runs every statement of sql on the function's connection and
// hashes "S<n>:<sql>" for each, then "R" and the typed values of each row.
// Statements that would write are refused, as by the stock shell. emptyS
// says whether a statement with no SQL (only blanks or comments) still adds
// "S0:" (sha1_query does, sha3_query does not).
func hashQuery(ctx sqlite3.Context, h hash.Hash, sql string, emptyS bool) error {
	conn := ctx.Conn()
	for sql != "" {
		stmt, tail, err := conn.Prepare(sql)
		if err != nil {
			return fmt.Errorf("error SQL statement [%s]: %s", errTail(err, sql), errText(err))
		}
		text := sql[:len(sql)-len(tail)]
		sql = tail
		if stmt == nil {
			if emptyS {
				h.Write([]byte("S0:"))
			}
			continue
		}
		if !stmt.ReadOnly() {
			stmt.Close()
			return fmt.Errorf("non-query: [%s]", text)
		}
		h.Write([]byte("S" + strconv.Itoa(len(text)) + ":" + text))
		cols := stmt.ColumnCount()
		for stmt.Step() {
			h.Write([]byte("R"))
			for i := range cols {
				hashValue(h, stmt.ColumnValue(i))
			}
		}
		stmt.Close() // as stock: an error while stepping ends the rows, not the hash
	}
	return nil
}

// errText is SQLite's own message for err, without the driver's prefixes.
func errText(err error) string {
	var e *sqlite3.Error
	if errors.As(err, &e) {
		code := e.ExtendedCode().Error()
		msg := strings.TrimPrefix(strings.TrimPrefix(e.Error(), code), ": ")
		if msg == "" {
			msg = code
		}
		return strings.TrimPrefix(msg, "sqlite3: ")
	}
	return strings.TrimPrefix(err.Error(), "sqlite3: ") // a bare result code
}

// errTail is what sqlite3_prepare leaves unparsed after an error, which the
// stock message shows; the driver drops it, so it is rebuilt from where
// SQLite says the error is (e.SQL) and from the message: a token SQLite
// could not read is left unparsed, a syntax error consumes the token it
// names, and an error found after parsing (no such table) leaves what
// follows the statement.
func errTail(err error, sql string) string {
	var e *sqlite3.Error
	if !errors.As(err, &e) {
		return ""
	}
	msg, at := errText(err), e.SQL()
	switch {
	case strings.HasPrefix(msg, "unrecognized token"):
		return at
	case strings.HasPrefix(msg, `near "`):
		tok, _, _ := strings.Cut(msg[len(`near "`):], `": `)
		return strings.TrimPrefix(at, tok)
	case strings.HasPrefix(msg, "incomplete input"):
		return ""
	}
	for i := 0; i < len(sql); i++ {
		if sql[i] == ';' && sqltext.Complete(sql[:i+1]) {
			return sql[i+1:]
		}
	}
	return ""
}

func sha1Query(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	h := sha1.New()
	if err := hashQuery(ctx, h, arg[0].Text(), true); err != nil {
		ctx.ResultError(err)
		return
	}
	ctx.ResultText(hex.EncodeToString(h.Sum(nil)))
}

func sha3Query(ctx sqlite3.Context, arg ...sqlite3.Value) {
	h := newSHA3(sha3Size(arg))
	if h == nil {
		ctx.ResultError(errSHA3Size)
		return
	}
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	if err := hashQuery(ctx, h, arg[0].Text(), false); err != nil {
		ctx.ResultError(err)
		return
	}
	ctx.ResultBlob(h.Sum(nil))
}

// sha3Agg is sha3_agg(X[,SIZE]): SIZE is read on the first row and anything
// but 224, 384 or 512 means 256.
type sha3Agg struct{ h hash.Hash }

func newSHA3Agg() sqlite3.AggregateFunction { return &sha3Agg{} }

func (a *sha3Agg) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if a.h == nil {
		if a.h = newSHA3(sha3Size(arg)); a.h == nil {
			a.h = sha3.New256()
		}
	}
	hashValue(a.h, arg[0])
}

func (a *sha3Agg) Value(ctx sqlite3.Context) {
	if a.h != nil {
		ctx.ResultBlob(a.h.Sum(nil))
	}
}
