package transfer

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hello-sqlite/hello-sqlite/internal/engine"
	"github.com/hello-sqlite/hello-sqlite/internal/sqltext"
)

// .import FILE TABLE: loads a CSV (or separator-delimited, or ASCII
// unit/record separated) file into a table, as the stock 3.53 shell does:
//   - separators come from the output mode (.mode csv: "," and newline;
//     list: .separator's), or from --csv / --ascii;
//   - fields may be quoted with "...", holding separators, newlines and
//     doubled quotes; a UTF-8 BOM at the start is skipped; \r before a
//     newline is dropped; --qesc C makes C escape the next byte inside
//     quotes, --esc C outside them (not in ASCII mode);
//   - when TABLE does not exist the first row names its columns
//     (duplicates renamed); otherwise every row is data (--skip N skips
//     the first N lines);
//   - short rows are filled with NULL and long ones cut, with a warning;
//     rows that fail to insert are reported and skipped; the rest is
//     committed.

// ImportOptions are .import's arguments.
type ImportOptions struct {
	File, Table, Schema string
	FirstLine           int // line number of the data's first line in File (0: 1)
	Skip                int64
	Verbose             int
	ColSep, RowSep      byte
	QEsc, Esc           byte // escape bytes in and out of quotes (0: none)
	ASCII               bool // ASCII mode: no quoting
}

// RowsFailed is Import's error when rows failed to insert; each was
// reported on Target.Stderr already.
type RowsFailed struct {
	N    int
	File string
}

func (e RowsFailed) Error() string {
	return fmt.Sprintf("%d rows of %s were not imported", e.N, e.File)
}

// PlainError is a message the stock shell prints as it is, without
// "Error: ".
type PlainError string

func (e PlainError) Error() string { return string(e) }

// importWarn writes a warning to stderr, as the stock shell does (no prefix).
func (s *Target) importWarn(format string, a ...any) {
	fmt.Fprintf(s.Stderr, format+"\n", a...)
}

// Import reads f into the table o names (creating it when it does not
// exist), as .import does once the file is open.
func Import(t *Target, f io.Reader, o ImportOptions) error {
	s := t
	r := newFieldReader(f, o, s.importWarn)
	for ; o.Skip > 0; o.Skip-- {
		for {
			_, ok := r.next()
			if !ok || r.term != r.colSep {
				break
			}
		}
	}
	schema := o.Schema
	if schema == "" {
		schema = "main"
	}
	exists, err := s.queryStrings(fmt.Sprintf(
		"SELECT 1 FROM %s.sqlite_schema WHERE type IN ('table','view') AND name=? COLLATE NOCASE", sqltext.QuotedIdent(schema)),
		o.Table)
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
			return PlainError(o.File + ": empty file")
		}
		cols, renames := importColumnNames(names)
		if renames != "" {
			fmt.Fprintf(s.Stderr, "Columns renamed during .import %s due to duplicates:\n%s\n", o.File, renames)
		}
		create := fmt.Sprintf("CREATE TABLE %s.%s%s\n", sqltext.QuotedIdent(schema), sqltext.QuotedIdent(o.Table), cols)
		if o.Verbose > 0 {
			fmt.Fprintln(s.Out, create)
		}
		if err := s.DB.Exec(create); err != nil {
			return PlainError(create + " failed:\n" + engine.ErrorMessage(err))
		}
	}
	n, err := s.queryStrings(fmt.Sprintf("SELECT count(*) FROM %s.pragma_table_info(?)", sqltext.QuotedIdent(schema)), o.Table)
	if err != nil {
		return err
	}
	nCol := atoiOr(n[0][0], 0)
	if nCol == 0 {
		return nil
	}
	insert := "INSERT INTO " + sqltext.QuotedIdent(o.Table)
	if o.Schema != "" {
		insert = "INSERT INTO " + sqltext.QuotedIdent(o.Schema) + "." + sqltext.QuotedIdent(o.Table)
	}
	insert += " VALUES(?" + strings.Repeat(",?", nCol-1) + ")"
	if o.Verbose >= 2 {
		fmt.Fprintf(s.Out, "Insert using: %s\n", insert)
	}
	stmt, _, err := s.DB.Prepare(insert)
	if err != nil {
		return err
	}
	defer stmt.Close()
	needCommit := s.DB.GetAutocommit()
	if needCommit {
		if err := s.DB.Exec("BEGIN"); err != nil {
			return err
		}
	}
	rowsAdded, failed := 0, 0
	for {
		if err := s.Ctx.Err(); err != nil {
			break
		}
		startLine := r.line
		i := 0
		for ; i < nCol; i++ {
			z, ok := r.next()
			if !ok && i == 0 {
				break // end of file before the row
			}
			if s.Mode == "ascii" && z == "" && i == 0 {
				break // the stock shell tests the output mode here, not --ascii
			}
			if !ok && !o.ASCII && i == nCol-1 && i > 0 {
				z, ok = "", true // RFC 4180: EOF may end the last field
			}
			if ok {
				stmt.BindText(i+1, sqltext.CString(z))
			} else {
				stmt.BindNull(i + 1)
			}
			if i < nCol-1 && r.term != r.colSep {
				s.importWarn("%s:%d: expected %d columns but found %d - filling the rest with NULL",
					o.File, startLine, nCol, i+1)
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
			s.importWarn("%s:%d: expected %d columns but found %d - extras ignored", o.File, startLine, nCol, i)
		}
		if i >= nCol {
			err := stmt.Exec()
			if err != nil {
				if ie := s.interruption(err); ie != nil {
					if needCommit {
						s.DB.Exec("ROLLBACK")
					}
					return ie
				}
				s.importWarn("%s:%d: INSERT failed: %s", o.File, startLine, engine.ErrorMessage(err))
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
			s.DB.Exec("ROLLBACK")
		}
		return fmt.Errorf("reading %s: %v", o.File, err)
	}
	if ie := s.interruption(s.Ctx.Err()); ie != nil {
		if needCommit {
			s.DB.Exec("ROLLBACK")
		}
		return ie
	}
	if needCommit {
		if err := s.DB.Exec("COMMIT"); err != nil {
			return err
		}
	}
	if o.Verbose > 0 {
		fmt.Fprintf(s.Out, "Added %d rows with %d errors using %d lines of input\n", rowsAdded, failed, r.line-1)
	}
	if failed > 0 {
		return RowsFailed{N: failed, File: o.File}
	}
	return nil
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
	qesc, esc      int // escape bytes, 0 for none
	ascii          bool
	notFirst       bool
	term           int
	err            error
	warn           func(format string, a ...any)
	buf            []byte
}

// newFieldReader reads f with o's separators and escapes.
func newFieldReader(f io.Reader, o ImportOptions, warn func(format string, a ...any)) *fieldReader {
	r := &fieldReader{in: bufio.NewReaderSize(f, 64<<10), file: o.File, line: max(o.FirstLine, 1),
		colSep: int(o.ColSep), rowSep: int(o.RowSep), qesc: int(o.QEsc), esc: int(o.Esc), ascii: o.ASCII, warn: warn}
	if o.Esc >= 0x80 {
		r.esc = 0 // stock keeps it in a signed char, which no input byte equals
	}
	return r
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
			if c == r.qesc && c != 0 {
				// The next byte is taken as it is (at the end of the
				// input: byte 0xff, as stock appends EOF as a char).
				r.buf = append(r.buf, byte(r.getc()))
				ppc, pc = 0, 0
				continue
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
			if c == r.esc && c != 0 {
				c = r.getc()
			}
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
		b.WriteString(sqltext.QuotedIdent(n))
		if n != names[i] {
			rn = append(rn, fmt.Sprintf("%s to %s", sqltext.QuotedIdent(names[i]), sqltext.QuotedIdent(n)))
		}
	}
	b.WriteString(")")
	return b.String(), strings.Join(rn, ",\n")
}

// atoiOr is strconv.Atoi with a default.
func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return def
}
