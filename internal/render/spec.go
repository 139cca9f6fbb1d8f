package render

// Spec is how a statement's rows are printed: the stock 3.53 shell's
// sqlite3_qrf_spec, field for field. Zero values mean "auto": Print
// chooses as the stock formatter does.
type Spec struct {
	Style       Style
	Esc         Esc     // how control characters in text are shown
	Text        TextEnc // how TEXT values are quoted
	Title       TextEnc // how column names are quoted
	Blob        BlobEnc // how BLOB values are written
	Titles      Switch  // show column names
	WordWrap    Switch  // wrap long cells at word boundaries
	TextJSONB   Switch  // show JSONB blobs as JSON text
	SplitColumn Switch  // lay one column out as several (split mode)
	Border      Switch  // the outer border of box and table
	Wrap        int     // columnar cells wider than this wrap (0: never)
	ScreenWidth int     // the width the output should fit (0: no limit)
	LineLimit   int     // most lines shown of one value (0: no limit)
	TitleLimit  int     // most characters shown of a column name (0: no limit)
	CharLimit   int     // most characters shown of one value (0: no limit)
	MultiInsert int     // insert mode: rows per INSERT until it is this long
	Widths      []int   // fixed column widths (0: as wide as the content; <0: right-aligned)
	Aligns      []Align // column alignments
	ColSep      string
	RowSep      string
	TableName   string // insert mode's table ("" for "tab")
	Null        string // the text of NULL
	// NoAutoExplain prints EXPLAIN rows in the style like any others (the
	// shell's .explain off) instead of the EXPLAIN layouts.
	NoAutoExplain bool
	// JSONText turns a JSONB blob into JSON text (TextJSONB); nil, or a
	// false result, shows the blob as a blob.
	JSONText func(blob []byte) (string, bool)
}

// Style is the layout of the rows (QRF_STYLE_*).
type Style uint8

const (
	StyleAuto Style = iota
	StyleBox
	StyleColumn
	StyleCount
	StyleCSV
	StyleEQP
	StyleExplain
	StyleHTML
	StyleInsert
	StyleJSON
	StyleJObject
	StyleLine
	StyleList
	StyleMarkdown
	StyleOff
	StyleQuote
	styleStats
	styleStatsEst
	styleStatsVM
	StyleTable
)

// TextEnc is how text is quoted (QRF_TEXT_*).
type TextEnc uint8

const (
	TextAuto TextEnc = iota
	TextPlain
	TextSQL
	TextCSV
	TextHTML
	TextTcl
	TextJSON
	TextRelaxed // as is unless it could be read as a number, NULL or has edge blanks: then SQL
)

// BlobEnc is how blobs are written (QRF_BLOB_*).
type BlobEnc uint8

const (
	BlobAuto BlobEnc = iota
	BlobText         // the bytes as text
	BlobSQL          // x'0a1b'
	BlobHex          // 0a1b
	BlobTcl          // "\012\033"
	BlobJSON         // "\u000a\u001b"
	BlobSize         // (2-byte blob)
)

// Esc is how control characters are shown (QRF_ESC_*).
type Esc uint8

const (
	EscAuto   Esc = iota
	EscOff        // as they are
	EscASCII      // ^G
	EscSymbol     // U+2407
)

// Switch is a setting that can be left to the formatter (QRF_SW_*).
type Switch uint8

const (
	Auto Switch = iota
	No
	Yes
)

// Align is a column's horizontal alignment (QRF_ALIGN_*).
type Align uint8

const (
	AlignAuto Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// MaxWidth bounds widths and the screen width (QRF_MAX_WIDTH).
const MaxWidth = 10000
