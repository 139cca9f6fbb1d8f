package transfer

import "testing"

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
