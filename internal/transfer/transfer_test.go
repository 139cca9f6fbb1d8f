package transfer

import (
	"slices"
	"strings"
	"testing"
)

func TestImportColumnNames(t *testing.T) {
	cols, renames := importColumnNames([]string{"a", "b", "a", "", "c", "d", "e", "A", "a_1"})
	// As the stock 3.53 shell names them.
	wantCols := "(\n\"a_01\", \"b\", \"a_03\", \"?\",\n \"c\", \"d\", \"e\", \"A_08\",\n \"a_1\")"
	wantRenames := "\"a\" to \"a_01\",\n\"a\" to \"a_03\",\n\"A\" to \"A_08\""
	if cols != wantCols || renames != wantRenames {
		t.Errorf("got %q / %q\nwant %q / %q", cols, renames, wantCols, wantRenames)
	}
}

func TestSQLTextLiteral(t *testing.T) {
	cases := map[string]string{
		"plain":      "'plain'",
		"it's":       "'it''s'",
		`back\slash`: `'back\slash'`,
		"a\nb":       `unistr('a\u000ab')`,
		"q'\\\t":     `unistr('q''\\\u0009')`,
		"x\x00y":     "'x'",
		"del\x7f":    "'del\x7f'",
		"\x1f":       `unistr('\u001f')`,
		"üñí":        "'üñí'",
	}
	for in, want := range cases {
		if got := sqlTextLiteral(in); got != want {
			t.Errorf("sqlTextLiteral(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestFieldEscapes: --qesc C takes the byte after C as it is inside quotes,
// --esc C outside them (shell5-1.10.1's line among them); a non-ASCII --esc
// does nothing, as stock's signed char matches no byte.
func TestFieldEscapes(t *testing.T) {
	for _, c := range []struct {
		in        string
		qesc, esc byte
		want      []string
	}{
		{`x1,x2%"x3,"x3\"data\"3",x4` + "\n", '\\', '%', []string{"x1", `x2"x3`, `x3"data"3`, "x4"}},
		{`a%,b,"c\,d"` + "\n", 0, '%', []string{"a,b", `c\,d`}},
		{`"a\"b\\"` + "\n", '\\', 0, []string{`a"b\`}},
		{"a\xc3b,c\n", 0, 0xc3, []string{"a\xc3b", "c"}},
		{`"x\`, '\\', 0, []string{"x\xff"}}, // stock appends EOF as a byte
	} {
		var warned []string
		r := newFieldReader(strings.NewReader(c.in), ImportOptions{ColSep: ',', RowSep: '\n', QEsc: c.qesc, Esc: c.esc},
			func(f string, a ...any) { warned = append(warned, f) })
		var got []string
		for {
			f, ok := r.next()
			if !ok {
				break
			}
			got = append(got, f)
			if r.term != r.colSep {
				break
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q (qesc %q, esc %q): %q, want %q (warnings %q)", c.in, c.qesc, c.esc, got, c.want, warned)
		}
	}
}
