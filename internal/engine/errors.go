package engine

import (
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// ErrorMessage turns an error into the text of its message: for
// SQLite errors, SQLite's own message (sqlite3_errmsg), as the stock shell
// prints it, without the Go driver's "sqlite3: " and result-code prefixes.
func ErrorMessage(err error) string {
	if e, ok := err.(*sqlite3.Error); ok {
		code := e.ExtendedCode().Error() // what the driver puts before SQLite's message
		msg := strings.TrimPrefix(e.Error(), code)
		msg = strings.TrimPrefix(msg, ": ")
		if msg == "" {
			msg = code
		}
		return strings.TrimPrefix(msg, "sqlite3: ")
	}
	return strings.TrimPrefix(err.Error(), "sqlite3: ")
}
