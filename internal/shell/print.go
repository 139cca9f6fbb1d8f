package shell

import (
	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/render"
	"github.com/hello-sqlite/hello-sqlite/internal/term"
)

// printStatement steps stmt to the end and prints its rows with the
// session's output settings (render.Print), as shell_exec does: an
// automatic screen width is the terminal's, and an automatic blob
// quoting follows the text quoting.
func (s *shell) printStatement(stmt *sqlite3.Stmt) error {
	spec := s.m.spec
	if s.m.autoSW {
		spec.ScreenWidth = s.screenWidth
		if spec.ScreenWidth <= 0 {
			spec.ScreenWidth = term.ScreenWidth(s.stdin, s.stdout, s.stderr)
		}
	}
	if spec.Blob == render.BlobAuto {
		switch spec.Text {
		case render.TextRelaxed, render.TextSQL:
			spec.Blob = render.BlobSQL
		case render.TextJSON:
			spec.Blob = render.BlobJSON
		default:
			spec.Blob = render.BlobText
		}
	}
	spec.Style = s.m.info().Style
	if s.m.noColSep {
		spec.ColSep = "," // the formatter's default for a NULL separator
	}
	if spec.TextJSONB == render.Yes {
		spec.JSONText = s.jsonText
	}
	spec.NoAutoExplain = s.ported.explainOff
	return render.Print(s.out, stmtRows{stmt}, spec)
}

// jsonText is json(blob), for --textjsonb.
func (s *shell) jsonText(blob []byte) (string, bool) {
	stmt, _, err := s.db.Prepare(`SELECT json(?1)`)
	if err != nil {
		return "", false
	}
	defer stmt.Close()
	if stmt.BindBlob(1, blob) != nil || !stmt.Step() {
		return "", false
	}
	return stmt.ColumnText(0), true
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
