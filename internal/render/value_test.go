package render

import (
	"strings"
	"testing"
)

func TestAppendText(t *testing.T) {
	cases := []struct {
		name string
		enc  TextEnc
		in   string
		want string
	}{
		{"plain", TextPlain, "a|b c", "a|b c"},
		{"plain controls", TextPlain, "a\x01b\x1b[c\td\r\ne\rf\x7f", "a^Ab^[[c\td\r\ne^Mf\x7f"},
		{"plain CR at end", TextPlain, "x\r", "x^M"},
		{"csv plain", TextCSV, "abc", "abc"},
		{"csv empty", TextCSV, "", `""`},
		{"csv space", TextCSV, "a b", `"a b"`},
		{"csv quote", TextCSV, `a"b`, `"a""b"`},
		{"csv apostrophe", TextCSV, "it's", `"it's"`},
		{"csv separator", TextCSV, "a,b", `"a,b"`},
		{"csv utf8", TextCSV, "é", `"é"`},
		{"csv DEL", TextCSV, "\x7f", "\"\x7f\""},
		{"csv newline", TextCSV, "a\nb", "\"a\nb\""},
		{"csv control", TextCSV, "a\x01", `"a^A"`},
		{"sql", TextSQL, "it's", `'it''s'`},
		{"sql backslash", TextSQL, `a\b`, `'a\b'`},
		{"sql unistr", TextSQL, "a\\b\n'", `unistr('a\\b\u000a''')`},
		{"sql tab", TextSQL, "\t", `unistr('\u0009')`},
		{"json", TextJSON, "a\"b\\c/\b\f\n\r\t\x01\x1f\x7fé", `"a\"b\\c/\b\f\n\r\t\u0001\u001f` + "\x7fé\""},
		{"tcl", TextTcl, "a\"b\x01\n", `"a\"b\001\n"`},
		{"html", TextHTML, `<a href='x'>&"</a>`, "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := valueFormat{text: c.enc, colSep: ",", esc: EscASCII}
			if got := string(appendText([]byte("prefix"), []byte(c.in), &f)); got != "prefix"+c.want {
				t.Errorf("appendText(%q) = %q, want %q", c.in, got, "prefix"+c.want)
			}
		})
	}
}

func TestAppendBlob(t *testing.T) {
	b := []byte{0, 'A', 0xff}
	if got := string(appendHexBlob(nil, b)); got != "x'0041ff'" {
		t.Errorf("hex: %q", got)
	}
	if got := string(appendEscapedBlob(nil, b, true)); got != `"\u0000\u0041\u00ff"` {
		t.Errorf("json: %q", got)
	}
	if got := string(appendEscapedBlob(nil, b, false)); got != `"\000\101\377"` {
		t.Errorf("tcl: %q", got)
	}
	if got := string(cText([]byte("ab\x00cd"))); got != "ab" {
		t.Errorf("cText: %q", got)
	}
}

func TestDisplayWidth(t *testing.T) {
	cases := []struct {
		in           string
		width, lines int
	}{
		{"", 0, 0},
		{"abc", 3, 0},
		{"日本", 4, 0},
		{"e\u0301", 1, 0}, // combining acute accent: no room
		{"🙂", 1, 0},       // emoji count as 1, as in the stock shell
		{"a\tb", 9, 0},    // tab to column 8
		{"ab\ncdef\nx", 4, 2},
		{"\x1b[31mred\x1b[0m", 3, 0}, // VT100 escapes take no room
		{"\xff\xfe", 2, 0},           // invalid UTF-8: one column a byte
	}
	for _, c := range cases {
		w, l := displayWidth([]byte(c.in))
		if w != c.width || l != c.lines {
			t.Errorf("displayWidth(%q) = %d, %d; want %d, %d", c.in, w, l, c.width, c.lines)
		}
	}
}

func TestWrapLine(t *testing.T) {
	cases := []struct {
		in       string
		w        int
		wordWrap bool
		want     []string
	}{
		{"abc", 10, false, []string{"abc"}},
		{"ab\ncd", 10, false, []string{"ab", "cd"}},
		{"ab\r\ncd", 10, false, []string{"ab\r", "cd"}},
		{"a\n", 10, false, []string{"a"}},
		{"abcdefghij", 4, false, []string{"abcd", "efgh", "ij"}},
		{"the lazy dog", 10, false, []string{"the lazy d", "og"}},
		{"the lazy dog", 10, true, []string{"the lazy", "dog"}},
		{"abcdefghijkl mnop", 5, true, []string{"abcde", "fghij", "kl", "mnop"}},
		{"日本語", 4, false, []string{"日本", "語"}},
		{"日本", 1, true, []string{"日", "本"}}, // too narrow: one character a line, no endless loop
	}
	for _, c := range cases {
		var got []string
		z := []byte(c.in)
		for len(z) > 0 {
			this, _, next := wrapLine(z, c.w, c.wordWrap)
			got = append(got, string(z[:this]))
			if next == 0 {
				break
			}
			z = z[next:]
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrapLine(%q, %d, %v) lines = %q, want %q", c.in, c.w, c.wordWrap, got, c.want)
		}
	}
}

func TestDecodeRune(t *testing.T) {
	cases := []struct {
		in   string
		r    rune
		size int
	}{
		{"é", 'é', 2}, {"日", '日', 3}, {"🙂", '🙂', 4},
		{"\xc0\xaa", 0x2a, 2}, // overlong, accepted as the stock shell does
		{"\xff", 0, 1}, {"\xe2\x82", 0, 1}, {"\x91", 0, 1},
	}
	for _, c := range cases {
		r, size := decodeRune([]byte(c.in))
		if r != c.r || size != c.size {
			t.Errorf("decodeRune(%q) = %U, %d; want %U, %d", c.in, r, size, c.r, c.size)
		}
	}
}

func TestAppendRightAligned(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want string
	}{
		{"a", 3, "  a"},
		{"abcd", 3, "abc"},     // cut to the width
		{"\x01", 4, "   \x01"}, // a control character takes a column here
		{"日本", 5, " 日本"},
		{"\n", 0, ""},
	}
	for _, c := range cases {
		if got := string(appendRightAligned(nil, c.in, c.w)); got != c.want {
			t.Errorf("appendRightAligned(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}
