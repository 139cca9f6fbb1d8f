package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// The output dot-commands: .mode, .headers, .separator, .nullvalue (also
// reached from the command line: -csv, -header, -separator, ...). They
// follow the stock 3.53 shell: .mode NAME resets the separators and the
// null text to that mode's defaults, but keeps an explicit .headers
// choice; until .headers is used, each mode shows column names or not by
// its own default (table, box, markdown, column and html do).

// outputExtras is the part of the output settings the shell struct has no
// field for. It is kept beside the shell, keyed by it, so that these files
// need no change to shell.go.
type outputExtras struct {
	headersSet bool   // .headers was used: s.headers holds the choice
	tableName  string // .mode insert TABLE
	wrap       int    // .mode --wrap N: columnar cells wider than N wrap (0: never)
	// noWordWrap is .mode --wordwrap off: wrapped cells break anywhere
	// instead of at word boundaries (the default, as in the stock shell).
	noWordWrap bool
}

var outputExtrasOf sync.Map // *shell -> *outputExtras

// extras returns s's outputExtras, creating them on first use.
func (s *shell) extras() *outputExtras {
	if e, ok := outputExtrasOf.Load(s); ok {
		return e.(*outputExtras)
	}
	e, _ := outputExtrasOf.LoadOrStore(s, &outputExtras{})
	return e.(*outputExtras)
}

// currentMode is the mode in effect (list when s.mode is unknown).
func (s *shell) currentMode() *modeInfo {
	if m := lookupMode(s.mode); m != nil {
		return m
	}
	return lookupMode("list")
}

// showTitles reports whether column names are printed.
func (s *shell) showTitles() bool {
	if s.extras().headersSet {
		return s.headers
	}
	return s.currentMode().titles
}

// dotMode is ".mode ?MODE? ?TABLE? ?OPTIONS?". Without arguments it prints
// the mode and the settings that differ from the mode's defaults.
// Options: --wrap N, --wordwrap on|off, --ww, --null TEXT, --colsep SEP,
// --rowsep SEP, --tablename NAME, --titles on|off, --reset.
func (s *shell) dotMode(args []string) error {
	e := s.extras()
	if len(args) < 2 {
		return s.printMode()
	}
	for i := 1; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			m := lookupMode(a)
			if m == nil {
				return fmt.Errorf("unknown mode: %q (\".mode --list\" lists them)", a)
			}
			s.mode = m.name
			s.colSep, s.rowSep, s.nullValue = m.colSep, m.rowSep, m.null
			e.wrap, e.noWordWrap = 0, false
			if m.name == "insert" { // the table name holds until another is given
				if i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
					i++
					e.tableName = args[i]
				}
			}
			continue
		}
		opt := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		value := func() (string, error) {
			if i+1 >= len(args) {
				return "", fmt.Errorf(".mode: option %s needs an argument", a)
			}
			i++
			return args[i], nil
		}
		switch opt {
		case "list":
			names := make([]string, len(modes))
			for i, m := range modes {
				names[i] = m.name
			}
			fmt.Fprintf(s.out, "available modes: %s\n", strings.Join(names, " "))
		case "ww":
			e.noWordWrap = false
		case "reset":
			m := s.currentMode()
			s.colSep, s.rowSep, s.nullValue = m.colSep, m.rowSep, m.null
			e.wrap, e.noWordWrap, e.headersSet = 0, false, false
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
				e.headersSet, s.headers = true, s.booleanValue(v)
			}
		default:
			return fmt.Errorf(".mode: unknown option %q (hello-sqlite has --wrap --wordwrap --ww --null --colsep --rowsep --tablename --titles --reset --list)", a)
		}
	}
	return nil
}

// printMode prints ".mode NAME" and the settings that differ from the
// mode's defaults, as the stock shell's ".mode" does.
func (s *shell) printMode() error {
	m := s.currentMode()
	e := s.extras()
	var b strings.Builder
	b.WriteString(".mode " + m.name)
	if m.layout == layoutList || m.layout == layoutLine {
		if s.colSep != m.colSep {
			b.WriteString(" --colsep " + cQuote(s.colSep))
		}
	}
	if s.nullValue != m.null && !m.fixedNull {
		b.WriteString(" --null " + cQuote(s.nullValue))
	}
	if s.rowSep != m.rowSep && m.layout == layoutList {
		b.WriteString(" --rowsep " + cQuote(s.rowSep))
	}
	if m.layout == layoutInsert {
		b.WriteString(" --tablename " + cQuote(e.tableName))
	}
	hasTitles := m.layout != layoutJSON && m.layout != layoutJObject && m.layout != layoutLine &&
		m.layout != layoutCount && m.layout != layoutOff
	if hasTitles && e.headersSet && s.headers != m.titles {
		b.WriteString(" --titles " + map[bool]string{true: "on", false: "off"}[s.headers])
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
// commands.
func (s *shell) dotHeaders(args []string) error {
	if len(args) != 2 {
		return errors.New("Usage: .headers on|off")
	}
	s.headers = s.booleanValue(args[1])
	s.extras().headersSet = true
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
		return errors.New("Usage: .separator COL ?ROW?")
	}
	return nil
}

// dotNullvalue is ".nullvalue STRING": the text shown for NULL (json and
// html modes always write null).
func (s *shell) dotNullvalue(args []string) error {
	if len(args) != 2 {
		return errors.New("Usage: .nullvalue STRING")
	}
	s.nullValue = args[1]
	return nil
}
