package render

// The output modes of the stock 3.53 shell's .mode (its aModeInfo table):
// each is a formatter style with default separators, quoting and titles.

// ModeInfo is one output mode and its defaults. A default string that is
// not set (HasColSep false, ...) is left as it was by .mode.
type ModeInfo struct {
	Name                         string
	ColSep, RowSep, Null         string
	HasColSep, HasRowSep, HasNul bool
	Text                         TextEnc // default text quoting
	Title                        TextEnc // default column-name quoting
	Blob                         BlobEnc
	// Titles: 0 column names do not apply; 1 off by default; 2 on.
	Titles uint8
	Style  Style
	// Kind: 0 other, 1 line, 2 columnar.
	Kind uint8
	// NoBorder: the mode draws no outer border (psql); Split: split mode.
	NoBorder, Split bool
}

func mi(name string, cs, rs, null int, text, title TextEnc, blob BlobEnc, titles uint8, style Style, kind uint8, flags int) ModeInfo {
	strs := []string{"", "\n", "|", " ", ",", "\r\n", "\x1e", "\x1f", "\t", "", "NULL", "null", `""`, ": "}
	return ModeInfo{Name: name, ColSep: strs[cs], RowSep: strs[rs], Null: strs[null],
		HasColSep: cs != 0, HasRowSep: rs != 0, HasNul: null != 0,
		Text: text, Title: title, Blob: blob, Titles: titles, Style: style, Kind: kind,
		NoBorder: flags&1 != 0, Split: flags&2 != 0}
}

// Modes lists the modes in the stock shell's order; www is last and not
// selectable by name.
var Modes = []ModeInfo{
	mi("ascii", 7, 6, 9, TextPlain, TextPlain, BlobAuto, 1, StyleList, 0, 0),
	mi("box", 0, 0, 9, TextPlain, TextPlain, BlobAuto, 2, StyleBox, 2, 0),
	mi("c", 4, 1, 10, TextTcl, TextTcl, BlobTcl, 1, StyleList, 0, 0),
	mi("column", 0, 0, 9, TextPlain, TextPlain, BlobAuto, 2, StyleColumn, 2, 0),
	mi("count", 0, 0, 0, TextAuto, TextAuto, BlobAuto, 0, StyleCount, 0, 0),
	mi("csv", 4, 5, 9, TextCSV, TextCSV, BlobAuto, 1, StyleList, 0, 0),
	mi("html", 0, 0, 9, TextHTML, TextHTML, BlobAuto, 2, StyleHTML, 0, 0),
	mi("insert", 0, 0, 10, TextSQL, TextSQL, BlobAuto, 1, StyleInsert, 0, 0),
	mi("jatom", 4, 1, 11, TextJSON, TextJSON, BlobAuto, 1, StyleList, 0, 0),
	mi("jobject", 0, 1, 11, TextJSON, TextJSON, BlobAuto, 0, StyleJObject, 0, 0),
	mi("json", 0, 0, 11, TextJSON, TextJSON, BlobAuto, 0, StyleJSON, 0, 0),
	mi("line", 13, 1, 9, TextPlain, TextPlain, BlobAuto, 0, StyleLine, 1, 0),
	mi("list", 2, 1, 9, TextPlain, TextPlain, BlobAuto, 1, StyleList, 0, 0),
	mi("markdown", 0, 0, 9, TextPlain, TextPlain, BlobAuto, 2, StyleMarkdown, 2, 0),
	mi("off", 0, 0, 0, TextAuto, TextAuto, BlobAuto, 0, StyleOff, 0, 0),
	mi("psql", 0, 0, 9, TextPlain, TextPlain, BlobAuto, 2, StyleTable, 2, 1),
	mi("qbox", 0, 0, 10, TextSQL, TextPlain, BlobAuto, 2, StyleBox, 2, 0),
	mi("quote", 4, 1, 10, TextSQL, TextSQL, BlobAuto, 1, StyleList, 0, 0),
	mi("split", 0, 0, 9, TextPlain, TextPlain, BlobAuto, 1, StyleColumn, 2, 2),
	mi("table", 0, 0, 9, TextPlain, TextPlain, BlobAuto, 2, StyleTable, 2, 0),
	mi("tabs", 8, 1, 9, TextCSV, TextCSV, BlobAuto, 1, StyleList, 0, 0),
	mi("tcl", 3, 1, 12, TextTcl, TextTcl, BlobTcl, 1, StyleList, 0, 0),
	mi("www", 0, 0, 9, TextHTML, TextHTML, BlobAuto, 2, StyleHTML, 0, 0),
}

// Mode numbers the shell refers to.
const (
	ModeList  = 12
	ModeQBox  = 16
	ModeSplit = 18
	ModeWWW   = 22
)

// FindMode returns the number of the mode called name, or -1 (www is not
// found: the stock shell does not select it by name).
func FindMode(name string) int {
	for i := range Modes {
		if Modes[i].Name == name && i != ModeWWW {
			return i
		}
	}
	return -1
}
