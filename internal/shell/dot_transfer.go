package shell

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hello-sqlite/hello-sqlite/internal/syscmd"
	"github.com/hello-sqlite/hello-sqlite/internal/transfer"
)

// .dump and .import: the arguments; the work is package transfer's.

// target is what the transfer package needs of the session.
func (s *shell) target() *transfer.Target {
	return &transfer.Target{Ctx: s.ctx, DB: s.db, Out: s.out, Stderr: s.stderr, Mode: s.m.name(), MemoryLimit: s.memoryLimit}
}

// dotDump is ".dump ?OPTIONS? ?LIKE-PATTERN ...?".
func dotDump(s *shell, args []string) error {
	var o transfer.DumpOptions
	for i, a := range args[1:] {
		if !strings.HasPrefix(a, "-") {
			o.Like = append(o.Like, a)
			continue
		}
		switch strings.TrimPrefix(a[1:], "-") {
		case "data-only":
			o.DataOnly = true
		case "nosys":
			o.NoSys = true
		case "newlines": // accepted and ignored, as in the stock shell
		case "preserve-rowids":
			o.Rowids = true
		default:
			return badArg(i+1, "unknown option")
		}
	}
	return s.guard(func() error { return transfer.Dump(s.target(), s.out, o) })
}

// dotImport is ".import ?OPTIONS? FILE TABLE"; FILE may be <<LABEL, for
// data in the script's next lines (inline.go), or |CMD, for the output of
// the command CMD run by /bin/sh.
func dotImport(s *shell, args []string) error {
	o, err := importOptions(s, args)
	var inline *inlineData
	if label := inlineLabel(args); label != "" {
		// The data lines go first, whatever is wrong with the rest: they
		// must not run as SQL.
		d, ierr := s.readInline(label)
		var ns noScriptError
		if err == nil || errors.As(ierr, &ns) {
			err = ierr
		}
		inline = &d
	}
	if err != nil {
		return err
	}
	var in io.Reader
	if inline != nil {
		in = strings.NewReader(inline.text)
		o.File, o.FirstLine = inline.file, inline.first
	} else if strings.HasPrefix(o.File, "|") {
		// The command's output, as popen(cmd, "r"); it fails only when
		// /bin/sh cannot start (a failing command just gives no rows).
		p, err := syscmd.Output(o.File[1:])
		if err != nil {
			return &argError{arg: -1, detail: `cannot open "` + o.File + `"`}
		}
		defer p.Close()
		in, o.File = p, "<pipe>"
	} else {
		f, err := os.Open(o.File)
		if err != nil {
			return &argError{arg: -1, detail: `cannot open "` + o.File + `"`}
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return &argError{arg: -1, detail: `cannot open "` + o.File + `": it is a folder`}
		}
		in = f
	}
	if o.Verbose > 0 {
		fmt.Fprintf(s.out, "Column separator \"%s\", row separator \"%s\"\n",
			cStringEscape(string(o.ColSep)), cStringEscape(string(o.RowSep)))
	}
	err = s.guard(func() error { return transfer.Import(s.target(), in, o) })
	var failed transfer.RowsFailed
	if errors.As(err, &failed) {
		return ReportedError{err} // each failed row was reported
	}
	if pe, ok := err.(transfer.PlainError); ok {
		return plainError(pe)
	}
	return err
}

// importOptions reads .import's arguments and settles its separators: those
// of --csv, --ascii, --colsep and --rowsep, else the output mode's (the
// 3.53 shell takes the first byte of each, none when empty, and reads
// CSV's "\r\n" line end as a newline). Separators must be ASCII.
func importOptions(s *shell, args []string) (transfer.ImportOptions, error) {
	var o transfer.ImportOptions
	var col, row byte // 0: the mode's
	o.ASCII = s.m.name() == "ascii"
	for i := 1; i < len(args); i++ {
		z := args[i]
		if strings.HasPrefix(z, "--") {
			z = z[1:]
		}
		switch {
		case !strings.HasPrefix(z, "-"):
			switch {
			case o.File == "":
				o.File = z
			case o.Table == "":
				o.Table = z
			default:
				return o, badArg(i, "unknown argument")
			}
		case z == "-v":
			o.Verbose++
		case z == "-schema" && i < len(args)-1:
			i++
			o.Schema = args[i]
		case z == "-skip" && i < len(args)-1:
			i++
			o.Skip = integerValue(args[i])
		case z == "-ascii":
			col, row, o.ASCII = orByte(col, 0x1f), orByte(row, 0x1e), true
		case z == "-csv":
			col, row, o.ASCII = orByte(col, ','), orByte(row, '\n'), false
		case z == "-colsep" || z == "-rowsep" || z == "-esc" || z == "-qesc":
			if i == len(args)-1 {
				return o, badArg(i, "missing argument") // stock crashes on --esc/--qesc
			}
			i++
			switch z {
			case "-colsep":
				col = importSepByte(args[i])
			case "-rowsep":
				row = importSepByte(args[i])
			case "-esc":
				o.Esc = importSepByte(args[i])
			default:
				o.QEsc = importSepByte(args[i])
			}
		default:
			return o, badArg(i, "unknown option")
		}
	}
	if o.Table == "" {
		what := "TABLE"
		if o.File == "" {
			what = "FILE"
		}
		return o, &argError{arg: -1, detail: "Missing " + what + " argument\n"} // the stock text, blank line included
	}
	o.ColSep, o.RowSep = orByte(col, importSepByte(s.m.spec.ColSep)), orByte(row, importSepByte(s.m.spec.RowSep))
	if o.RowSep == '\r' && !o.ASCII {
		o.RowSep = '\n'
	}
	// A byte of a multi-byte character would split characters apart.
	if o.ColSep >= 0x80 {
		return o, errors.New(".import column separator must be ASCII")
	}
	if o.RowSep >= 0x80 {
		return o, errors.New(".import row separator must be ASCII")
	}
	return o, nil
}

// orByte is b, or def when b is 0.
func orByte(b, def byte) byte {
	if b == 0 {
		return def
	}
	return b
}

// importSepByte is the first byte of s, or 0.
func importSepByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[0]
}

// cStringEscape writes s as a C string body: \n, \t, \", \\ and octal escapes
// for other control bytes (the stock shell's output_c_string).
func cStringEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' || c == '"':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
