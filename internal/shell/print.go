package shell

import (
	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/render"
)

// printStatement steps stmt to the end and prints its rows with the
// session's output settings (render.Print).
func (s *shell) printStatement(stmt *sqlite3.Stmt) error {
	e := s.extras()
	return render.Print(s.out, stmtRows{stmt}, render.Options{
		Mode: s.currentMode(), Titles: s.showTitles(),
		ColSep: s.colSep, RowSep: s.rowSep, Null: s.nullValue,
		TableName: e.tableName, Wrap: e.wrap, WordWrap: !e.noWordWrap,
		Widths: s.ported.widths, NoExplain: s.ported.explainOff,
	})
}

// stmtRows is a statement as render.Rows.
type stmtRows struct{ *sqlite3.Stmt }

// ColumnType is the storage class of column col of the current row.
func (r stmtRows) ColumnType(col int) render.Type {
	switch r.Stmt.ColumnType(col) {
	case sqlite3.INTEGER:
		return render.Integer
	case sqlite3.FLOAT:
		return render.Float
	case sqlite3.BLOB:
		return render.Blob
	case sqlite3.NULL:
		return render.Null
	}
	return render.Text
}
