package shell

import (
	"errors"
	"fmt"
	"os"
	"strings"

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
	for _, a := range args[1:] {
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
			return fmt.Errorf("%s: unknown option %q", args[0], a)
		}
	}
	return s.guard(func() error { return transfer.Dump(s.target(), s.out, o) })
}

// dotImport is ".import ?OPTIONS? FILE TABLE".
func dotImport(s *shell, args []string) error {
	o := transfer.ImportOptions{}
	useMode := true
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
				return fmt.Errorf(".import: extra argument: %q. Usage: .import ?OPTIONS? FILE TABLE", z)
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
			o.ColSep, o.RowSep, o.ASCII, useMode = 0x1f, 0x1e, true, false
		case z == "-csv":
			o.ColSep, o.RowSep, o.ASCII, useMode = ',', '\n', false, false
		default:
			return fmt.Errorf(".import: unknown option: %q. Usage: .import ?OPTIONS? FILE TABLE", args[i])
		}
	}
	if o.Table == "" {
		what := "TABLE"
		if o.File == "" {
			what = "FILE"
		}
		return fmt.Errorf(".import: missing %s argument. Usage: .import ?OPTIONS? FILE TABLE", what)
	}
	if useMode {
		// The 3.53 shell takes the first byte of each separator (none when
		// empty), reading CSV's "\r\n" line end as a newline.
		col, row := s.m.spec.ColSep, s.m.spec.RowSep
		o.ASCII = s.m.name() == "ascii"
		if row == "\r\n" {
			row = "\n"
		}
		o.ColSep, o.RowSep = importSepByte(col), importSepByte(row)
	}
	if o.Verbose > 0 {
		fmt.Fprintf(s.out, "Column separator \"%s\", row separator \"%s\"\n",
			cStringEscape(string(o.ColSep)), cStringEscape(string(o.RowSep)))
	}
	if strings.HasPrefix(o.File, "|") {
		return errors.New(".import: pipes are not supported by hello-sqlite")
	}
	f, err := os.Open(o.File)
	if err != nil {
		return fmt.Errorf("cannot open %q: %v", o.File, pathErrorReason(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return fmt.Errorf("cannot open %q: it is a folder", o.File)
	}
	err = s.guard(func() error { return transfer.Import(s.target(), f, o) })
	var failed transfer.RowsFailed
	if errors.As(err, &failed) {
		return ReportedError{err} // each failed row was reported
	}
	return err
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
