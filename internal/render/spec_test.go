package render

import (
	"bytes"
	"os"
	"strconv"
	"testing"
)

// fakeRows is a result set in memory: values are int64, float64 (with
// their text), string, []byte or nil.
type fakeRows struct {
	names []string
	rows  [][]any
	i     int
}

type real struct {
	v    float64
	text string
}

func (f *fakeRows) SQL() string                { return "SELECT" }
func (f *fakeRows) ColumnCount() int           { return len(f.names) }
func (f *fakeRows) ColumnName(c int) string    { return f.names[c] }
func (f *fakeRows) Step() bool                 { f.i++; return f.i <= len(f.rows) }
func (f *fakeRows) Err() error                 { return nil }
func (f *fakeRows) val(c int) any              { return f.rows[f.i-1][c] }
func (f *fakeRows) ColumnInt(c int) int        { return int(f.ColumnInt64(c)) }
func (f *fakeRows) ColumnText(c int) string    { return string(f.ColumnRawText(c)) }
func (f *fakeRows) ColumnRawBlob(c int) []byte { b, _ := f.val(c).([]byte); return b }
func (f *fakeRows) ColumnInt64(c int) int64 {
	n, _ := f.val(c).(int64)
	return n
}
func (f *fakeRows) ColumnType(c int) Type {
	switch f.val(c).(type) {
	case int64:
		return Integer
	case real:
		return Float
	case []byte:
		return Blob
	case nil:
		return Null
	}
	return Text
}
func (f *fakeRows) ColumnRawText(c int) []byte {
	switch v := f.val(c).(type) {
	case string:
		return []byte(v)
	case []byte:
		return v
	case real:
		return []byte(v.text)
	case int64:
		return strconv.AppendInt(nil, v, 10)
	}
	return nil
}

// TestPrintSpec prints rows with the specs the shell passes for
// testdata/spec.sql and compares with testdata/spec.golden, the stock 3.53
// shell's output of that script (/work/shared/bin/stock-sqlite3 :memory:
// < testdata/spec.sql).
func TestPrintSpec(t *testing.T) {
	rows := func() *fakeRows {
		return &fakeRows{names: []string{"n", "t", "b"}, rows: [][]any{
			{int64(1), "plain", nil},
			{int64(2), "日本語 wide text here", []byte{0, 0xff}},
			{int64(3), "l1\nl2\nl3", "12"},
		}}
	}
	specs := []Spec{
		// .mode qbox --quote relaxed --limits 2,300,0
		{Style: StyleBox, Text: TextRelaxed, Title: TextPlain, Blob: BlobSQL, Null: "NULL", Titles: Yes, LineLimit: 2, CharLimit: 300},
		// .mode table --border off --sw 20 (the limits stay)
		{Style: StyleTable, Text: TextPlain, Title: TextPlain, Blob: BlobText, Titles: Yes, Border: No, ScreenWidth: 20, LineLimit: 2, CharLimit: 300},
		// .mode list --escape symbol --charlimit 5
		{Style: StyleList, Text: TextPlain, Title: TextPlain, Blob: BlobText, Titles: No, ColSep: "|", RowSep: "\n", Esc: EscSymbol, LineLimit: 2, CharLimit: 5},
	}
	var b bytes.Buffer
	for _, spec := range specs {
		if err := Print(&b, rows(), spec); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/spec.golden")
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestRelaxable(t *testing.T) {
	for in, want := range map[string]bool{
		"plain": true, "12": false, "-1.5e3": false, "1e": true, "12abc": true, "Inf": false, "-Inf": false,
		" x": false, "x ": false, "'x": false, "NULL": false, "": true, "0x1f": true, "1.": false, "+7": false,
	} {
		if got := relaxable([]byte(in), "NULL"); got != want {
			t.Errorf("relaxable(%q) = %v, want %v", in, got, want)
		}
	}
	if relaxable(nil, "") {
		t.Error("empty text with an empty NULL text must be quoted")
	}
}

func TestTitleLimit(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want string
		w    int
	}{
		{"short", 20, "short", 5},
		{"abcdefghij", 5, "ab...", 5},
		{"a\tb\nc", 20, "a b c", 5},
		{"日本語の長いタイトル", 8, "日本...", 6}, // stock counts bytes against the limit: the name wraps, as there
	}
	for _, c := range cases {
		got, w := titleLimit([]byte(c.in), c.n)
		if string(got) != c.want || w != c.w {
			t.Errorf("titleLimit(%q, %d) = %q, %d; want %q, %d", c.in, c.n, got, w, c.want, c.w)
		}
	}
}

func TestLimitChars(t *testing.T) {
	for _, c := range []struct {
		in    string
		limit int
		want  string
	}{
		{"abcdef", 5, "abcde..."}, {"abcde", 5, "abcde"}, {"abcdef", 2, "abcd..."},
		{"日本語日本語", 5, "日本..."}, {"\x1b[1mabcdef", 3, "\x1b[1mabcd..."},
	} {
		if got := string(limitChars([]byte("> "+c.in), 2, c.limit)); got != "> "+c.want {
			t.Errorf("limitChars(%q, %d) = %q, want %q", c.in, c.limit, got, "> "+c.want)
		}
	}
}

func TestJSONBQuickCheck(t *testing.T) {
	for _, c := range []struct {
		b    []byte
		want bool
	}{
		{[]byte{0x00}, true}, {[]byte{0x13, '1'}, true}, {[]byte{0x13}, false},
		{[]byte{0xcb, 0x02, 0x13, '1'}, true}, {[]byte{0xcb, 0x05, 0x13, '1'}, false}, {nil, false},
	} {
		if got := jsonbQuickCheck(c.b); got != c.want {
			t.Errorf("jsonbQuickCheck(% x) = %v, want %v", c.b, got, c.want)
		}
	}
}

func TestRuneWidth(t *testing.T) {
	for r, want := range map[rune]int{'a': 1, 'é': 1, 0x301: 0, '日': 2, 'ｱ': 1, 'Ａ': 2, 0x1a77: 1, 0x200b: 0, 0xac00: 2, '🙂': 1} {
		if got := runeWidth(r); got != want {
			t.Errorf("runeWidth(%U) = %d, want %d", r, got, want)
		}
	}
}
