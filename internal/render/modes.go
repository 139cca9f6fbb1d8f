package render

// The output modes, with the defaults the stock 3.53 shell gives each one
// (".mode NAME -v" there lists them).

// Layout is how rows are laid out.
type Layout int

const (
	LayoutList     Layout = iota // values joined by colSep, rows ended by rowSep
	LayoutLine                   // one "name: value" line per column, a blank line between rows
	LayoutJSON                   // [{"name":value,...},\n...]
	LayoutJObject                // one {"name":value,...} per line
	LayoutHTML                   // <TR><TD>...
	LayoutInsert                 // INSERT INTO tab VALUES(...);
	LayoutColumnar               // table, box, markdown, column, psql, qbox: widths from all rows
	LayoutCount                  // the number of rows
	LayoutOff                    // nothing
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

// Mode describes one output mode and its defaults.
type Mode struct {
	Name   string
	Layout Layout
	frame  frame // LayoutColumnar only
	text   textEncoding
	Blob   BlobEncoding
	ColSep string // default column separator (.separator changes it)
	RowSep string
	Null   string // default null text (.nullvalue changes it)
	// fixedNull: the mode always writes NULL its own way (json, html: null;
	// insert: NULL), whatever .nullvalue says.
	fixedNull bool
	// Titles: whether column names are shown when .headers was not used.
	Titles bool
	// plainTitles: column names are shown as they are, not in the text
	// encoding (the columnar modes).
	plainTitles bool
}

// modes lists the modes .mode accepts, in the stock shell's order.
var modes = []Mode{
	{Name: "ascii", Layout: LayoutList, ColSep: "\x1f", RowSep: "\x1e"},
	{Name: "box", Layout: LayoutColumnar, frame: frameBox, ColSep: "|", RowSep: "\n", Titles: true, plainTitles: true},
	{Name: "c", Layout: LayoutList, text: textTcl, Blob: BlobTcl, ColSep: ",", RowSep: "\n", Null: "NULL"},
	{Name: "column", Layout: LayoutColumnar, frame: frameColumn, ColSep: "|", RowSep: "\n", Titles: true, plainTitles: true},
	{Name: "count", Layout: LayoutCount, ColSep: "|", RowSep: "\n"},
	{Name: "csv", Layout: LayoutList, text: textCSV, ColSep: ",", RowSep: "\r\n"},
	{Name: "html", Layout: LayoutHTML, text: textHTML, ColSep: "|", RowSep: "\n", Null: "null", fixedNull: true, Titles: true},
	{Name: "insert", Layout: LayoutInsert, text: textSQL, Blob: BlobSQL, ColSep: "|", RowSep: "\n", Null: "NULL", fixedNull: true},
	{Name: "jatom", Layout: LayoutList, text: textJSON, Blob: BlobJSON, ColSep: ",", RowSep: "\n", Null: "null"},
	{Name: "jobject", Layout: LayoutJObject, text: textJSON, Blob: BlobJSON, ColSep: "|", RowSep: "\n", Null: "null", fixedNull: true},
	{Name: "json", Layout: LayoutJSON, text: textJSON, Blob: BlobJSON, ColSep: "|", RowSep: "\n", Null: "null", fixedNull: true},
	{Name: "line", Layout: LayoutLine, ColSep: ": ", RowSep: "\n"},
	{Name: "list", Layout: LayoutList, ColSep: "|", RowSep: "\n"},
	{Name: "markdown", Layout: LayoutColumnar, frame: frameMarkdown, ColSep: "|", RowSep: "\n", Titles: true, plainTitles: true},
	{Name: "off", Layout: LayoutOff, ColSep: "|", RowSep: "\n"},
	{Name: "psql", Layout: LayoutColumnar, frame: framePsql, ColSep: "|", RowSep: "\n", Titles: true, plainTitles: true},
	{Name: "qbox", Layout: LayoutColumnar, frame: frameBox, text: textSQL, Blob: BlobSQL, ColSep: "|", RowSep: "\n", Null: "NULL", Titles: true, plainTitles: true},
	{Name: "quote", Layout: LayoutList, text: textSQL, Blob: BlobSQL, ColSep: ",", RowSep: "\n", Null: "NULL"},
	{Name: "table", Layout: LayoutColumnar, frame: frameTable, ColSep: "|", RowSep: "\n", Titles: true, plainTitles: true},
	{Name: "tabs", Layout: LayoutList, text: textCSV, ColSep: "\t", RowSep: "\n"},
	{Name: "tcl", Layout: LayoutList, text: textTcl, Blob: BlobTcl, ColSep: " ", RowSep: "\n", Null: `""`},
}

// modeAliases are other names .mode accepts for a mode.
var modeAliases = map[string]string{"batch": "list"}

// LookupMode returns the mode called name, or nil.
func LookupMode(name string) *Mode {
	if a, ok := modeAliases[name]; ok {
		name = a
	}
	for i := range modes {
		if modes[i].Name == name {
			return &modes[i]
		}
	}
	return nil
}

// ModeNames lists the modes .mode accepts, in the stock shell's order.
func ModeNames() []string {
	names := make([]string, len(modes))
	for i, m := range modes {
		names[i] = m.Name
	}
	return names
}
