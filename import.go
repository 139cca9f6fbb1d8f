package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// .import FILE TABLE: loads a CSV (or separator-delimited, or ASCII
// unit/record separated) file into a table, as the stock 3.53 shell does:
//   - separators come from the output mode (.mode csv: "," and newline;
//     list: .separator's), or from --csv / --ascii;
//   - fields may be quoted with "...", holding separators, newlines and
//     doubled quotes; a UTF-8 BOM at the start is skipped; \r before a
//     newline is dropped;
//   - when TABLE does not exist the first row names its columns
//     (duplicates renamed); otherwise every row is data (--skip N skips
//     the first N lines);
//   - short rows are filled with NULL and long ones cut, with a warning;
//     rows that fail to insert are reported and skipped; the rest is
//     committed.

// importOptions are .import's arguments.
type importOptions struct {
	file, table, schema string
	skip                int64
	verbose             int
	colSep, rowSep      byte
	ascii               bool // ASCII mode: no quoting
}

// importLineWarning and the like go to stderr with the program's prefix.
func (s *shell) importWarn(format string, a ...any) {
	fmt.Fprintf(s.stderr, "hello-sqlite: "+format+"\n", a...)
}

func dotImport(s *shell, args []string) error {
	o := importOptions{}
	useMode := true
	for i := 1; i < len(args); i++ {
		z := args[i]
		if strings.HasPrefix(z, "--") {
			z = z[1:]
		}
		switch {
		case !strings.HasPrefix(z, "-"):
			switch {
			case o.file == "":
				o.file = z
			case o.table == "":
				o.table = z
			default:
				return fmt.Errorf(".import: extra argument: %q. Usage: .import ?OPTIONS? FILE TABLE", z)
			}
		case z == "-v":
			o.verbose++
		case z == "-schema" && i < len(args)-1:
			i++
			o.schema = args[i]
		case z == "-skip" && i < len(args)-1:
			i++
			o.skip = integerValue(args[i])
		case z == "-ascii":
			o.colSep, o.rowSep, o.ascii, useMode = 0x1f, 0x1e, true, false
		case z == "-csv":
			o.colSep, o.rowSep, o.ascii, useMode = ',', '\n', false, false
		default:
			return fmt.Errorf(".import: unknown option: %q. Usage: .import ?OPTIONS? FILE TABLE", args[i])
		}
	}
	if o.table == "" {
		what := "TABLE"
		if o.file == "" {
			what = "FILE"
		}
		return fmt.Errorf(".import: missing %s argument. Usage: .import ?OPTIONS? FILE TABLE", what)
	}
	if useMode {
		// The 3.53 shell takes the first byte of each separator (none when
		// empty), reading CSV's "\r\n" line end as a newline.
		col, row := s.colSep, s.rowSep
		o.ascii = s.mode == "ascii"
		if row == "\r\n" {
			row = "\n"
		}
		o.colSep, o.rowSep = importSepByte(col), importSepByte(row)
	}
	if o.verbose > 0 {
		fmt.Fprintf(s.out, "Column separator \"%s\", row separator \"%s\"\n",
			cStringEscape(string(o.colSep)), cStringEscape(string(o.rowSep)))
	}
	if strings.HasPrefix(o.file, "|") {
		return errors.New(".import: pipes are not supported by hello-sqlite")
	}
	f, err := os.Open(o.file)
	if err != nil {
		return fmt.Errorf("cannot open %q: %v", o.file, pathErrorReason(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return fmt.Errorf("cannot open %q: it is a folder", o.file)
	}
	return s.guard(func() error { return s.importFile(f, o) })
}

// importFile does the work of .import once the file is open.
func (s *shell) importFile(f io.Reader, o importOptions) error {
	r := &fieldReader{in: bufio.NewReaderSize(f, 64<<10), file: o.file, line: 1,
		colSep: int(o.colSep), rowSep: int(o.rowSep), ascii: o.ascii, warn: s.importWarn}
	for ; o.skip > 0; o.skip-- {
		for {
			_, ok := r.next()
			if !ok || r.term != r.colSep {
				break
			}
		}
	}
	schema := o.schema
	if schema == "" {
		schema = "main"
	}
	exists, err := s.queryStrings(fmt.Sprintf(
		"SELECT 1 FROM %s.sqlite_schema WHERE type IN ('table','view') AND name=? COLLATE NOCASE", sqlQuotedIdent(schema)),
		o.table)
	if err != nil {
		return err
	}
	if len(exists) == 0 {
		var names []string
		for {
			z, ok := r.next()
			if !ok {
				break
			}
			names = append(names, z)
			if r.term != r.colSep {
				break
			}
		}
		if len(names) == 0 {
			return fmt.Errorf("%s: empty file", o.file)
		}
		cols, renames := importColumnNames(names)
		if renames != "" {
			fmt.Fprintf(s.stderr, "hello-sqlite: Columns renamed during .import %s due to duplicates:\n%s\n", o.file, renames)
		}
		create := fmt.Sprintf("CREATE TABLE %s.%s%s\n", sqlQuotedIdent(schema), sqlQuotedIdent(o.table), cols)
		if o.verbose > 0 {
			fmt.Fprintln(s.out, create)
		}
		if err := s.db.Exec(create); err != nil {
			return fmt.Errorf("%s failed:\n%s", create, errorMessage(err))
		}
	}
	n, err := s.queryStrings(fmt.Sprintf("SELECT count(*) FROM %s.pragma_table_info(?)", sqlQuotedIdent(schema)), o.table)
	if err != nil {
		return err
	}
	nCol := atoiOr(n[0][0], 0)
	if nCol == 0 {
		return nil
	}
	insert := "INSERT INTO " + sqlQuotedIdent(o.table)
	if o.schema != "" {
		insert = "INSERT INTO " + sqlQuotedIdent(o.schema) + "." + sqlQuotedIdent(o.table)
	}
	insert += " VALUES(?" + strings.Repeat(",?", nCol-1) + ")"
	if o.verbose >= 2 {
		fmt.Fprintf(s.out, "Insert using: %s\n", insert)
	}
	stmt, _, err := s.db.Prepare(insert)
	if err != nil {
		return err
	}
	defer stmt.Close()
	needCommit := s.db.GetAutocommit()
	if needCommit {
		if err := s.db.Exec("BEGIN"); err != nil {
			return err
		}
	}
	rowsAdded, failed := 0, 0
	for {
		if err := s.ctx.Err(); err != nil {
			break
		}
		startLine := r.line
		i := 0
		for ; i < nCol; i++ {
			z, ok := r.next()
			if !ok && i == 0 {
				break // end of file before the row
			}
			if s.mode == "ascii" && z == "" && i == 0 {
				break // the stock shell tests the output mode here, not --ascii
			}
			if !ok && !o.ascii && i == nCol-1 && i > 0 {
				z, ok = "", true // RFC 4180: EOF may end the last field
			}
			if ok {
				stmt.BindText(i+1, cString(z))
			} else {
				stmt.BindNull(i + 1)
			}
			if i < nCol-1 && r.term != r.colSep {
				s.importWarn("%s:%d: expected %d columns but found %d - filling the rest with NULL",
					o.file, startLine, nCol, i+1)
				for j := i + 2; j <= nCol; j++ {
					stmt.BindNull(j)
				}
				i = nCol + 1
			}
		}
		if r.term == r.colSep {
			for {
				r.next()
				i++
				if r.term != r.colSep {
					break
				}
			}
			s.importWarn("%s:%d: expected %d columns but found %d - extras ignored", o.file, startLine, nCol, i)
		}
		if i >= nCol {
			err := stmt.Exec()
			if err != nil {
				if ie := s.interruption(err); ie != nil {
					if needCommit {
						s.db.Exec("ROLLBACK")
					}
					return ie
				}
				s.importWarn("%s:%d: INSERT failed: %s", o.file, startLine, errorMessage(err))
				failed++
			} else {
				rowsAdded++
			}
			stmt.ClearBindings()
		}
		if r.term == eofTerm {
			break
		}
	}
	if err := r.err; err != nil {
		if needCommit {
			s.db.Exec("ROLLBACK")
		}
		return fmt.Errorf("reading %s: %v", o.file, err)
	}
	if ie := s.interruption(s.ctx.Err()); ie != nil {
		if needCommit {
			s.db.Exec("ROLLBACK")
		}
		return ie
	}
	if needCommit {
		if err := s.db.Exec("COMMIT"); err != nil {
			return err
		}
	}
	if o.verbose > 0 {
		fmt.Fprintf(s.out, "Added %d rows with %d errors using %d lines of input\n", rowsAdded, failed, r.line-1)
	}
	if failed > 0 {
		return reportedError{fmt.Errorf("%d rows of %s were not imported", failed, o.file)}
	}
	return nil
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

// eofTerm is fieldReader.term at the end of the input.
const eofTerm = -1

// fieldReader reads one field at a time (the stock shell's
// csv_read_one_field and ascii_read_one_field). term is the byte that
// ended the last field: colSep, rowSep, or eofTerm.
type fieldReader struct {
	in             *bufio.Reader
	file           string
	line           int // line number, for messages
	colSep, rowSep int
	ascii          bool
	notFirst       bool
	term           int
	err            error
	warn           func(format string, a ...any)
	buf            []byte
}

func (r *fieldReader) getc() int {
	c, err := r.in.ReadByte()
	if err != nil {
		if err != io.EOF && r.err == nil {
			r.err = err
		}
		return eofTerm
	}
	return int(c)
}

// next returns the next field; ok is false at the end of the input.
func (r *fieldReader) next() (field string, ok bool) {
	if r.ascii {
		return r.nextASCII()
	}
	r.buf = r.buf[:0]
	c := r.getc()
	if c == eofTerm {
		r.term = eofTerm
		return "", false
	}
	if c == '"' {
		const quote = '"'
		startLine := r.line
		pc, ppc := 0, 0
		for {
			c = r.getc()
			if c == r.rowSep {
				r.line++
			}
			if c == quote && pc == quote {
				pc = 0
				continue
			}
			if (c == r.colSep && pc == quote) || (c == r.rowSep && pc == quote) ||
				(c == r.rowSep && pc == '\r' && ppc == quote) || (c == eofTerm && pc == quote) {
				n := len(r.buf) - 1
				for n > 0 && r.buf[n] != quote {
					n--
				}
				r.buf = r.buf[:max(n, 0)]
				r.term = c
				break
			}
			if pc == quote && c != '\r' {
				r.warn("%s:%d: unescaped %c character", r.file, r.line, quote)
			}
			if c == eofTerm {
				r.warn("%s:%d: unterminated %c-quoted field", r.file, startLine, quote)
				r.term = c
				break
			}
			r.buf = append(r.buf, byte(c))
			ppc, pc = pc, c
		}
	} else {
		// A UTF-8 byte order mark before the first field is skipped.
		if c == 0xef && !r.notFirst {
			r.buf = append(r.buf, byte(c))
			if c = r.getc(); c == 0xbb {
				r.buf = append(r.buf, byte(c))
				if c = r.getc(); c == 0xbf {
					r.notFirst = true
					return r.next()
				}
			}
		}
		for c != eofTerm && c != r.colSep && c != r.rowSep {
			r.buf = append(r.buf, byte(c))
			c = r.getc()
		}
		if c == r.rowSep {
			r.line++
			if n := len(r.buf); n > 0 && r.buf[n-1] == '\r' {
				r.buf = r.buf[:n-1]
			}
		}
		r.term = c
	}
	r.notFirst = true
	return string(r.buf), true
}

// nextASCII reads a field separated by the ASCII unit (0x1F) and record
// (0x1E) separators, with no quoting.
func (r *fieldReader) nextASCII() (string, bool) {
	r.buf = r.buf[:0]
	c := r.getc()
	if c == '\n' {
		// A newline alone at the very end (after the last record) is not
		// a record: the stock 3.53 shell ignores it too.
		if next, err := r.in.Peek(1); len(next) == 0 && err == io.EOF {
			r.in.ReadByte()
			c = eofTerm
		}
	}
	if c == eofTerm {
		r.term = eofTerm
		return "", false
	}
	for c != eofTerm && c != r.colSep && c != r.rowSep {
		r.buf = append(r.buf, byte(c))
		c = r.getc()
	}
	if c == r.rowSep {
		r.line++
	}
	r.term = c
	return string(r.buf), true
}

// importColumnNames turns a header row into the column list of the CREATE
// TABLE that .import runs, as the stock shell's zAutoColumn does: empty
// names become "?", names that repeat (ignoring case) get "_N" (N the
// column's position, with as few leading zeros as make all names
// distinct), four names per line. renames lists the renamed ones, or is "".
func importColumnNames(names []string) (cols, renames string) {
	for i, n := range names {
		if n == "" {
			names[i] = "?"
		}
	}
	count := map[string]int{}
	for _, n := range names {
		count[strings.ToLower(n)]++
	}
	final := make([]string, len(names))
	for zeros := 0; ; zeros++ {
		seen := map[string]bool{}
		clash := false
		for i, n := range names {
			final[i] = n
			if count[strings.ToLower(n)] > 1 {
				final[i] = fmt.Sprintf("%s_%s%d", n, strings.Repeat("0", zeros), i+1)
			}
			key := strings.ToLower(final[i])
			if seen[key] {
				clash = true
			}
			seen[key] = true
		}
		if !clash || zeros > 20 {
			break
		}
	}
	var b strings.Builder
	b.WriteString("(\n")
	var rn []string
	for i, n := range final {
		if i > 0 {
			if i%4 == 0 {
				b.WriteString(",\n ")
			} else {
				b.WriteString(", ")
			}
		}
		b.WriteString(sqlQuotedIdent(n))
		if n != names[i] {
			rn = append(rn, fmt.Sprintf("%s to %s", sqlQuotedIdent(names[i]), sqlQuotedIdent(n)))
		}
	}
	b.WriteString(")")
	return b.String(), strings.Join(rn, ",\n")
}
