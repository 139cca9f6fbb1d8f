package sqlfuncs

import (
	"errors"
	"os"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/syscmd"
)

// edit(TEXT[,EDITOR]) as shell.c.in's editFunc: TEXT goes to a temp file,
// the editor (EDITOR, else $VISUAL) runs on it through the system shell
// (`EDITOR "FILE"`), and the file's new content is the result: a blob for
// a blob, else text, with \r\n read back as \n unless TEXT held \r\n.
// Errors are stock's, but one: without /bin/sh (the one-file image) stock
// says "EDITOR returned non-zero", here the reason.

func edit(ctx sqlite3.Context, arg ...sqlite3.Value) {
	editor, ok := os.LookupEnv("VISUAL")
	if len(arg) == 2 {
		editor, ok = arg[1].Text(), arg[1].Type() != sqlite3.NULL
	}
	msg := "no editor for edit()"
	if ok {
		msg = editFile(ctx, arg[0], editor)
	}
	if msg != "" {
		ctx.ResultError(errors.New(msg))
	}
}

// editFile does edit's work once it has an editor; it returns the error
// message, or "" when it set the result.
func editFile(ctx sqlite3.Context, v sqlite3.Value, editor string) string {
	if v.Type() == sqlite3.NULL {
		return "NULL input to edit()"
	}
	bin := v.Type() == sqlite3.BLOB
	data := string(v.RawBlob()) // a text's bytes too
	// In $SQLITE_TMPDIR, else $TMPDIR or /tmp (os.TempDir), else here.
	f, err := os.CreateTemp(os.Getenv("SQLITE_TMPDIR"), "etilqs_*")
	if err != nil {
		f, err = os.CreateTemp(".", "etilqs_*")
	}
	if err != nil {
		return "edit() cannot open temp file"
	}
	name := f.Name()
	defer os.Remove(name)
	_, err = f.WriteString(data)
	if f.Close() != nil || err != nil {
		return "edit() could not write the whole file"
	}
	status, err := syscmd.Run(editor + ` "` + name + `"`)
	if err != nil {
		return "edit() cannot run the editor: /bin/sh: " + err.Error()
	}
	if status != 0 {
		return "EDITOR returned non-zero"
	}
	out, err := os.ReadFile(name)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "edit() cannot reopen temp file after edit"
	case err != nil:
		return "could not read back the whole file"
	case bin:
		ctx.ResultBlob(out)
	case strings.Contains(data, "\r\n"):
		ctx.ResultText(string(out))
	default:
		ctx.ResultText(strings.ReplaceAll(string(out), "\r\n", "\n"))
	}
	return ""
}
