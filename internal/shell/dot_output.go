package shell

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hello-sqlite/hello-sqlite/internal/render"
)

// The output dot-commands: .mode, .headers, .separator, .nullvalue (also
// reached from the command line: -csv, -header, -separator, ...). They
// follow the stock 3.53 shell: .mode NAME resets the separators and the
// null text to that mode's defaults, but keeps an explicit .headers
// choice; until .headers is used, each mode shows column names or not by
// its own default (table, box, markdown, column and html do).
//
// The command-line options differ a little, and callers say which they
// are by passing the option as args[0] ("-csv", "-header", "-noheader")
// instead of ".mode"/".headers": -noheader turns names off only until the
// next .mode (while .headers off holds), and a mode option keeps it
// (-noheader -table shows no names; -noheader then .mode table does).

// outputExtras is the part of the output settings the shell struct has no
// field for. It is kept beside the shell, keyed by it, so that these files
// need no change to shell.go.
type outputExtras struct {
	titles titles // whether column names are shown (s.headers mirrors it)
	// titlesHeld: the titles choice came from .headers (or -header) and
	// holds across .mode; otherwise .mode goes back to the mode's default.
	titlesHeld bool
	tableName  string // .mode insert TABLE
	// wrap is .mode --wrap N: columnar cells wider than N wrap (0: never).
	// It and noWordWrap hold across .mode until --reset, as in the stock shell.
	wrap int
	// noWordWrap is .mode --wordwrap off: wrapped cells break anywhere
	// instead of at word boundaries (the default, as in the stock shell).
	noWordWrap bool
}

// titles is the column-name setting.
type titles uint8

const (
	titlesAuto titles = iota // as the mode does by default
	titlesOn
	titlesOff
)

// titlesFor is titlesOn or titlesOff.
func titlesFor(on bool) titles {
	if on {
		return titlesOn
	}
	return titlesOff
}

// setTitles records a titles choice, mirrored in s.headers for other code.
func (s *shell) setTitles(t titles, held bool) {
	e := s.extras()
	e.titles, e.titlesHeld = t, held
	s.headers = s.showTitles()
}

// fromCommandLine reports whether args came from a command-line option.
func fromCommandLine(args []string) bool {
	return len(args) > 0 && strings.HasPrefix(args[0], "-")
}

// extras returns s's outputExtras.
func (s *shell) extras() *outputExtras { return &s.output }

// currentMode is the mode in effect (list when s.mode is unknown).
func (s *shell) currentMode() *render.Mode {
	if m := render.LookupMode(s.mode); m != nil {
		return m
	}
	return render.LookupMode("list")
}

// showTitles reports whether column names are printed.
func (s *shell) showTitles() bool {
	switch s.extras().titles {
	case titlesOn:
		return true
	case titlesOff:
		return false
	}
	return s.currentMode().Titles
}

// dotMode is ".mode ?MODE? ?TABLE? ?OPTIONS?", applied left to right
// (TABLE is insert mode's table name, kept until another is given; a
// third word is an error). Without arguments it prints the mode and the
// settings that differ from the mode's defaults. Of the stock shell's
// options it has --wrap N, --wordwrap on|off, --ww, --null TEXT, --colsep
// SEP, --rowsep SEP, --tablename NAME, --titles on|off, --reset and
// --list; -v prints the short form.
func (s *shell) dotMode(args []string) error {
	const modeHelp = `Use ".help .mode" for more info`
	e := s.extras()
	if len(args) < 2 {
		return s.printMode()
	}
	words := 0 // MODE, then TABLE
	show := false
	for i := 1; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			words++
			switch words {
			case 1:
				m := render.LookupMode(a)
				if m == nil {
					return &argError{arg: i, brief: "unknown mode", detail: modeHelp}
				}
				s.mode = m.Name
				s.colSep, s.rowSep, s.nullValue = m.ColSep, m.RowSep, m.Null
				if !e.titlesHeld && !fromCommandLine(args) {
					e.titles = titlesAuto
				}
				s.headers = s.showTitles()
			case 2: // the insert table name, whatever the mode; it holds until another is given
				e.tableName = a
			default:
				return &argError{arg: i, brief: "bad argument", detail: modeHelp}
			}
			continue
		}
		opt := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		value := func() (string, error) {
			if i+1 >= len(args) {
				return "", badArg(i, "missing argument")
			}
			i++
			return args[i], nil
		}
		switch opt {
		case "list":
			fmt.Fprintf(s.out, "available modes: %s\n", strings.Join(render.ModeNames(), " "))
		case "ww":
			e.noWordWrap = false
		case "reset":
			m := s.currentMode()
			s.colSep, s.rowSep, s.nullValue = m.ColSep, m.RowSep, m.Null
			e.wrap, e.noWordWrap = 0, false
			s.setTitles(titlesAuto, false)
			show = true // the stock shell shows the mode after --reset
		case "v", "verbose":
			return s.printMode()
		case "wrap", "wordwrap", "null", "colsep", "rowsep", "tablename", "titles":
			v, err := value()
			if err != nil {
				return err
			}
			switch opt {
			case "wrap":
				n, err := strconv.Atoi(v)
				if err != nil || n < 0 {
					return fmt.Errorf(".mode: --wrap needs a number, not %q", v)
				}
				e.wrap = n
			case "wordwrap":
				e.noWordWrap = !s.booleanValue(v)
			case "null":
				s.nullValue = v
			case "colsep":
				s.colSep = v
			case "rowsep":
				s.rowSep = v
			case "tablename":
				e.tableName = v
			case "titles":
				s.setTitles(titlesFor(s.booleanValue(v)), true)
			}
		default:
			return &argError{arg: i, brief: "bad option", detail: modeHelp}
		}
	}
	if show {
		return s.printMode()
	}
	return nil
}

// printMode prints ".mode NAME" and the settings that differ from the
// mode's defaults, as the stock shell's ".mode" does.
func (s *shell) printMode() error {
	m := s.currentMode()
	e := s.extras()
	var b strings.Builder
	b.WriteString(".mode " + m.Name)
	if m.Blob == render.BlobTcl {
		b.WriteString(" --blob-quote tcl")
	}
	// Which settings a mode uses, and so shows, as the stock shell does.
	list := m.Layout == render.LayoutList || m.Layout == render.LayoutLine
	if s.colSep != m.ColSep && list {
		b.WriteString(" --colsep " + cQuote(s.colSep))
	}
	if s.nullValue != m.Null && m.Layout != render.LayoutCount && m.Layout != render.LayoutOff {
		b.WriteString(" --null " + cQuote(s.nullValue))
	}
	if s.rowSep != m.RowSep && (list || m.Layout == render.LayoutJObject) {
		b.WriteString(" --rowsep " + cQuote(s.rowSep))
	}
	if m.Layout == render.LayoutInsert {
		b.WriteString(" --tablename " + cQuote(e.tableName))
	}
	hasTitles := m.Layout != render.LayoutJSON && m.Layout != render.LayoutJObject && m.Layout != render.LayoutLine &&
		m.Layout != render.LayoutCount && m.Layout != render.LayoutOff
	if on := s.showTitles(); hasTitles && e.titles != titlesAuto && on != m.Titles {
		b.WriteString(" --titles " + map[bool]string{true: "on", false: "off"}[on])
	}
	b.WriteString("\n")
	_, err := fmt.Fprint(s.out, b.String())
	return err
}

// cQuote writes s in double quotes with C escapes, as the stock shell
// shows separators ("\n", "\t", "\037").
func cQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			if c < 0x20 || c == 0x7f {
				fmt.Fprintf(&b, "\\%03o", c)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// dotHeaders is ".headers on|off". The choice holds across later .mode
// commands, except for -noheader's (see above).
func (s *shell) dotHeaders(args []string) error {
	if len(args) != 2 {
		return dotUsage(".headers on|off")
	}
	on := s.booleanValue(args[1])
	s.setTitles(titlesFor(on), on || !fromCommandLine(args))
	return nil
}

// dotSeparator is ".separator COL ?ROW?". The arguments were already
// unquoted (and, for "..." arguments, unescaped) by the dot-command parser.
// Like the stock shell it still sets them when given too many arguments.
func (s *shell) dotSeparator(args []string) error {
	if len(args) >= 2 {
		s.colSep = args[1]
	}
	if len(args) >= 3 {
		s.rowSep = args[2]
	}
	if len(args) < 2 || len(args) > 3 {
		return dotUsage(".separator COL ?ROW?")
	}
	return nil
}

// dotNullvalue is ".nullvalue STRING": the text shown for NULL (json and
// html modes always write null).
func (s *shell) dotNullvalue(args []string) error {
	if len(args) != 2 {
		return dotUsage(".nullvalue STRING")
	}
	s.nullValue = args[1]
	return nil
}
