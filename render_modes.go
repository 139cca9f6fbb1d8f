package main

// The output modes, with the defaults the stock 3.53 shell gives each one
// (".mode NAME -v" there lists them).

// layout is how rows are laid out.
type layout int

const (
	layoutList     layout = iota // values joined by colSep, rows ended by rowSep
	layoutLine                   // one "name: value" line per column, a blank line between rows
	layoutJSON                   // [{"name":value,...},\n...]
	layoutJObject                // one {"name":value,...} per line
	layoutHTML                   // <TR><TD>...
	layoutInsert                 // INSERT INTO tab VALUES(...);
	layoutColumnar               // table, box, markdown, column, psql, qbox: widths from all rows
	layoutCount                  // the number of rows
	layoutOff                    // nothing
)

// frame is the drawing of a columnar mode.
type frame int

const (
	frameTable frame = iota
	frameBox
	frameMarkdown
	frameColumn
	framePsql
)

// modeInfo describes one mode.
type modeInfo struct {
	name   string
	layout layout
	frame  frame // layoutColumnar only
	text   textEncoding
	blob   blobEncoding
	colSep string // default column separator (.separator changes it)
	rowSep string
	null   string // default null text (.nullvalue changes it)
	// fixedNull: the mode always writes NULL its own way (json, html: null;
	// insert: NULL), whatever .nullvalue says.
	fixedNull bool
	// titles: whether column names are shown when .headers was not used.
	titles bool
	// plainTitles: column names are shown as they are, not in the text
	// encoding (the columnar modes).
	plainTitles bool
}

// modes lists the modes .mode accepts, in the stock shell's order.
var modes = []modeInfo{
	{name: "ascii", layout: layoutList, colSep: "\x1f", rowSep: "\x1e"},
	{name: "box", layout: layoutColumnar, frame: frameBox, colSep: "|", rowSep: "\n", titles: true, plainTitles: true},
	{name: "c", layout: layoutList, text: textTcl, blob: blobTcl, colSep: ",", rowSep: "\n", null: "NULL"},
	{name: "column", layout: layoutColumnar, frame: frameColumn, colSep: "|", rowSep: "\n", titles: true, plainTitles: true},
	{name: "count", layout: layoutCount, colSep: "|", rowSep: "\n"},
	{name: "csv", layout: layoutList, text: textCSV, colSep: ",", rowSep: "\r\n"},
	{name: "html", layout: layoutHTML, text: textHTML, colSep: "|", rowSep: "\n", null: "null", fixedNull: true, titles: true},
	{name: "insert", layout: layoutInsert, text: textSQL, blob: blobSQL, colSep: "|", rowSep: "\n", null: "NULL", fixedNull: true},
	{name: "jatom", layout: layoutList, text: textJSON, blob: blobJSON, colSep: ",", rowSep: "\n", null: "null"},
	{name: "jobject", layout: layoutJObject, text: textJSON, blob: blobJSON, colSep: "|", rowSep: "\n", null: "null", fixedNull: true},
	{name: "json", layout: layoutJSON, text: textJSON, blob: blobJSON, colSep: "|", rowSep: "\n", null: "null", fixedNull: true},
	{name: "line", layout: layoutLine, colSep: ": ", rowSep: "\n"},
	{name: "list", layout: layoutList, colSep: "|", rowSep: "\n"},
	{name: "markdown", layout: layoutColumnar, frame: frameMarkdown, colSep: "|", rowSep: "\n", titles: true, plainTitles: true},
	{name: "off", layout: layoutOff, colSep: "|", rowSep: "\n"},
	{name: "psql", layout: layoutColumnar, frame: framePsql, colSep: "|", rowSep: "\n", titles: true, plainTitles: true},
	{name: "qbox", layout: layoutColumnar, frame: frameBox, text: textSQL, blob: blobSQL, colSep: "|", rowSep: "\n", null: "NULL", titles: true, plainTitles: true},
	{name: "quote", layout: layoutList, text: textSQL, blob: blobSQL, colSep: ",", rowSep: "\n", null: "NULL"},
	{name: "table", layout: layoutColumnar, frame: frameTable, colSep: "|", rowSep: "\n", titles: true, plainTitles: true},
	{name: "tabs", layout: layoutList, text: textCSV, colSep: "\t", rowSep: "\n"},
	{name: "tcl", layout: layoutList, text: textTcl, blob: blobTcl, colSep: " ", rowSep: "\n", null: `""`},
}

// modeAliases are other names .mode accepts for a mode.
var modeAliases = map[string]string{"batch": "list"}

// lookupMode returns the mode called name, or nil.
func lookupMode(name string) *modeInfo {
	if a, ok := modeAliases[name]; ok {
		name = a
	}
	for i := range modes {
		if modes[i].name == name {
			return &modes[i]
		}
	}
	return nil
}
