package shell

import (
	"strings"
	"testing"
)

// TestImportOptions: the separators .import uses, from its options or the
// output mode, and the ones it refuses (not ASCII: the first byte of a
// multi-byte character would cut characters apart).
func TestImportOptions(t *testing.T) {
	for _, c := range []struct {
		mode, colSep, rowSep string
		args                 string
		col, row             byte
		ascii                bool
		err                  string
	}{
		{"list", "|", "\n", "f t", '|', '\n', false, ""},
		{"csv", ",", "\r\n", "f t", ',', '\n', false, ""},
		{"ascii", "\x1f", "\x1e", "f t", 0x1f, 0x1e, true, ""},
		{"list", "|", "\n", "--csv f t", ',', '\n', false, ""},
		{"list", "|", "\n", "--colsep ; --csv f t", ';', '\n', false, ""},
		{"list", "|", "\n", "--ascii --rowsep x f t", 0x1f, 'x', true, ""},
		{"list", "|", "\n", "--rowsep x --ascii f t", 0x1f, 'x', true, ""},
		{"ascii", "\xff", "\n", "f t", 0, 0, true, "column separator must be ASCII"},
		{"list", "¤", "\n", "f t", 0, 0, false, "column separator must be ASCII"},
		{"list", ",", "\xff", "f t", 0, 0, false, "row separator must be ASCII"},
		{"list", "|", "\n", "--colsep ¤ f t", 0, 0, false, "column separator must be ASCII"},
		{"list", "|", "\n", "--colsep", 0, 0, false, "missing argument"},
		{"list", "|", "\n", "f t --esc", 0, 0, false, "missing argument"}, // stock crashes
		{"list", "|", "\n", "f t -qesc", 0, 0, false, "missing argument"},
		{"list", "|", "\n", "f", 0, 0, false, "Missing TABLE argument"},
		{"list", "|", "\n", "--bogus f t", 0, 0, false, "unknown option"},
		{"list", "|", "\n", "f t x", 0, 0, false, "unknown argument"}, // the stock shell's words
	} {
		s := &shell{}
		s.m.change(findMode(c.mode))
		s.m.setColSep(c.colSep)
		s.m.spec.RowSep = c.rowSep
		o, err := importOptions(s, append([]string{".import"}, strings.Fields(c.args)...))
		switch {
		case c.err != "":
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s %q: error %v, want %q", c.mode, c.args, err, c.err)
			}
		case err != nil:
			t.Errorf("%s %q: %v", c.mode, c.args, err)
		case o.ColSep != c.col || o.RowSep != c.row || o.ASCII != c.ascii:
			t.Errorf("%s %q: separators %q %q ascii %v, want %q %q %v", c.mode, c.args, o.ColSep, o.RowSep, o.ASCII, c.col, c.row, c.ascii)
		}
	}
}

// TestImportEscapes: --esc and --qesc take the first byte of their value;
// an empty one is none.
func TestImportEscapes(t *testing.T) {
	for _, c := range []struct {
		args      []string
		qesc, esc byte
	}{
		{[]string{"--csv", "--qesc", `\`, "--esc", "%", "f", "t"}, '\\', '%'},
		{[]string{"-esc", "xy", "-qesc", "", "f", "t"}, 0, 'x'},
		{[]string{"f", "t"}, 0, 0},
	} {
		s := &shell{}
		s.m.change(findMode("csv"))
		o, err := importOptions(s, append([]string{".import"}, c.args...))
		if err != nil || o.QEsc != c.qesc || o.Esc != c.esc {
			t.Errorf("%q: qesc %q esc %q, %v; want %q %q", c.args, o.QEsc, o.Esc, err, c.qesc, c.esc)
		}
	}
}

func TestInlineLabel(t *testing.T) {
	for args, want := range map[string]string{
		".import <<END t": "END", ".import --csv <<x t": "x", ".import << t": "", ".import f t": "",
		".import <<END": "END", ".import --bogus <<E t": "E",
	} {
		if got := inlineLabel(strings.Fields(args)); got != want {
			t.Errorf("inlineLabel(%q) = %q, want %q", args, got, want)
		}
	}
}

// TestReadInline: data up to the first line starting with the label (the
// terminator line is consumed, the lines after it are not); without a
// terminator, all of it and an error; with no script, noScriptError.
func TestReadInline(t *testing.T) {
	s := &shell{}
	if _, err := s.readInline("END"); err == nil || !strings.Contains(err.Error(), "not a command-line argument") {
		t.Errorf("no script: %v", err)
	}
	for _, c := range []struct {
		in, data, rest, err string
		first, lineno       int
	}{
		{"a\nDELETE FROM t;\nEND\nnext\n", "a\nDELETE FROM t;\n", "next", "", 8, 10},
		{"ENDING\nnext\n", "", "next", "", 8, 8},
		{"a\nb\n", "a\nb\n", "", `Content terminator "END" not found.`, 8, 9},
	} {
		s := &shell{ctx: t.Context()}
		lr := newLineReader(strings.NewReader(c.in))
		s.source = &scriptSource{lr: lr, name: "x.sql", lineno: 7}
		d, err := s.readInline("END")
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("%q: error %v, want %q", c.in, err, c.err)
			}
		} else if err != nil || d.text != c.data || d.file != "x.sql" || d.first != c.first {
			t.Errorf("%q: %+v, %v", c.in, d, err)
		}
		if s.source.lineno != c.lineno {
			t.Errorf("%q: at line %d, want %d", c.in, s.source.lineno, c.lineno)
		}
		rest, _, _ := s.next(lr, nil)
		if rest != c.rest {
			t.Errorf("%q: next line %q, want %q", c.in, rest, c.rest)
		}
		lr.close()
	}
}
