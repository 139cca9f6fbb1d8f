package shell

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hello-sqlite/hello-sqlite/internal/render"
)

// The output settings and their dot-commands: .mode, .headers,
// .separator, .nullvalue (also reached from the command line: -csv,
// -header, -separator, ...), as the stock 3.53 shell keeps them: a mode
// number and a result-formatter spec that .mode's options change one by
// one. .mode NAME sets the mode's defaults, but keeps a .headers choice.

// Default limits of --limits on (and the interactive default).
const (
	dfltCharLimit   = 300
	dfltLineLimit   = 5
	dfltTitleLimit  = 20
	dfltMultiInsert = 3000
)

// modeState is the output mode (the stock shell's Mode).
type modeState struct {
	mode   int // index in render.Modes
	spec   render.Spec
	hdrSet bool // .headers (or -header) chose whether names show; .mode keeps it
	autoSW bool // --sw auto: the screen width is the terminal's
	// noColSep: no column separator was ever set (the stock shell's NULL
	// after a reset), so CSV quoting looks for "," as its formatter does.
	noColSep bool
}

// setColSep sets the column separator.
func (m *modeState) setColSep(sep string) { m.spec.ColSep, m.noColSep = sep, false }

// reset clears every setting, as the stock shell's modeFree.
func (m *modeState) reset() { *m = modeState{noColSep: true} }

// clone copies m, its slices included.
func (m modeState) clone() modeState {
	m.spec.Widths = append([]int(nil), m.spec.Widths...)
	m.spec.Aligns = append([]render.Align(nil), m.spec.Aligns...)
	return m
}

// Special mode numbers (the stock shell's MODE_BATCH and MODE_TTY).
const (
	modeBatch = 50
	modeTTY   = 51
)

// findMode is the stock shell's modeFind: a mode name, "batch" or "tty".
func findMode(name string) int {
	if i := render.FindMode(name); i >= 0 {
		return i
	}
	switch name {
	case "batch":
		return modeBatch
	case "tty":
		return modeTTY
	}
	return -1
}

// modeChange switches to mode number mode (modeChange in shell.c).
func (m *modeState) change(mode int) {
	switch mode {
	case modeBatch:
		hdr := m.hdrSet
		m.reset()
		m.change(render.ModeList)
		m.hdrSet = hdr
		return
	case modeTTY:
		hdr := m.hdrSet
		m.reset()
		m.change(render.ModeQBox)
		m.autoSW = true
		m.spec.Text = render.TextRelaxed
		m.spec.CharLimit, m.spec.LineLimit = dfltCharLimit, dfltLineLimit
		m.spec.TextJSONB = render.Yes
		m.spec.TitleLimit, m.spec.MultiInsert = dfltTitleLimit, dfltMultiInsert
		m.hdrSet = hdr
		return
	}
	if mode < 0 || mode >= len(render.Modes) {
		return
	}
	mi := &render.Modes[mode]
	m.mode = mode
	if mi.HasColSep {
		m.setColSep(mi.ColSep)
	}
	if mi.HasRowSep {
		m.spec.RowSep = mi.RowSep
	}
	if mi.HasNul {
		m.spec.Null = mi.Null
	}
	m.spec.Text, m.spec.Blob = mi.Text, mi.Blob
	if !m.hdrSet {
		m.spec.Titles = render.Switch(mi.Titles)
	}
	m.spec.Title = mi.Title
	m.spec.Border = render.Auto
	if mi.NoBorder {
		m.spec.Border = render.No
	}
	m.spec.SplitColumn = render.No
	if mi.Split {
		m.spec.SplitColumn, m.autoSW = render.Yes, true
	}
}

// info is the current mode's defaults.
func (m *modeState) info() *render.ModeInfo { return &render.Modes[m.mode] }

// name is the current mode's name.
func (m *modeState) name() string { return m.info().Name }

// showTitles reports whether column names are printed.
func (s *shell) showTitles() bool { return s.m.spec.Titles == render.Yes }

// pickStr is the stock shell's pickStr: the index of arg among choices,
// or -1 and "should be a, b, or c".
func pickStr(arg string, choices ...string) (int, string) {
	for i, c := range choices {
		if arg == c {
			return i, ""
		}
	}
	var b strings.Builder
	b.WriteString("should be")
	for i, c := range choices {
		if i == len(choices)-1 {
			b.WriteString(", or")
		} else if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(" " + c)
	}
	return -1, b.String()
}

// optionMatch is the stock shell's optionMatch: z is -opt or --opt.
func optionMatch(z, opt string) bool {
	if !strings.HasPrefix(z, "-") {
		return false
	}
	z = z[1:]
	z = strings.TrimPrefix(z, "-")
	return z == opt
}

// dotMode is ".mode ?MODE? ?OPTIONS?" (dotCmdMode in shell.c): the
// arguments apply left to right; without any, or with -v, the mode and
// its settings are shown.
func (s *shell) dotMode(args []string) error {
	m := &s.m
	nArg := len(args)
	iMode := -1
	chng, all := false, false
	missing := func(i int) error { return s.argError(i, "missing argument", "") }
	for i := 1; i < nArg; i++ {
		z := args[i]
		if strings.HasPrefix(z, "--") {
			z = z[1:]
		}
		var eMode int
		if z[0:min(1, len(z))] != "-" && iMode < 0 {
			if eMode = findMode(args[i]); eMode >= 0 {
				iMode = i
				m.change(eMode)
				if i+1 < nArg && !strings.HasPrefix(args[i+1], "-") {
					i++
					m.spec.TableName = args[i]
				}
				chng = true
				continue
			}
		}
		switch {
		case optionMatch(z, "align"):
			if i+1 >= nArg {
				return missing(i)
			}
			i++
			m.spec.Aligns = m.spec.Aligns[:0]
			bad := false
			for _, c := range []byte(args[i]) {
				a := render.AlignAuto
				switch c {
				case 'l', 'L':
					a = render.AlignLeft
				case 'c', 'C':
					a = render.AlignCenter
				case 'r', 'R':
					a = render.AlignRight
				default:
					bad = true
				}
				m.spec.Aligns = append(m.spec.Aligns, a)
			}
			chng = true
			if bad {
				return s.argError(i, "bad alignment string", "Should contain only characters L, C, and R.")
			}
		case z == "-blob" || z == "-blob-quote":
			if i+1 >= nArg {
				return missing(i)
			}
			i++
			if k, _ := pickStr(args[i], "auto", "text", "sql", "hex", "tcl", "json", "size"); k >= 0 {
				m.spec.Blob = render.BlobEnc(k)
			}
			chng = true
		case optionMatch(z, "border"):
			if i+1 >= nArg {
				return missing(i)
			}
			i++
			if k, _ := pickStr(args[i], "auto", "off", "on"); k >= 0 {
				m.spec.Border = render.Switch(k)
			}
			chng = true
		case z == "-charlimit" || z == "-linelimit" || z == "-titlelimit" || z == "-multiinsert":
			if i+1 >= nArg {
				return missing(i)
			}
			i++
			w := int(int32(integerValue(args[i])))
			switch z {
			case "-charlimit":
				m.spec.CharLimit = w
			case "-linelimit":
				m.spec.LineLimit = int(int16(w))
			case "-titlelimit":
				m.spec.TitleLimit = int(int16(w))
			default:
				m.spec.MultiInsert = int(uint32(w))
			}
			chng = true
		case z == "-tablename" || z == "-rowsep" || z == "-colsep" || z == "-null":
			if i+1 >= nArg {
				return missing(i)
			}
			i++
			switch z {
			case "-tablename":
				m.spec.TableName = args[i]
			case "-rowsep":
				m.spec.RowSep = args[i]
			case "-colsep":
				m.setColSep(args[i])
			default:
				m.spec.Null = args[i]
			}
			chng = true
		case optionMatch(z, "escape"):
			if i+1 >= nArg {
				return missing(i)
			}
			i++
			k, msg := pickStr(args[i], "off", "ascii", "symbol")
			if k < 0 {
				return s.argError(i, "unknown escape type", msg)
			}
			m.spec.Esc = render.Esc(k + 1)
			chng = true
		case optionMatch(z, "limits"):
			if i+1 >= nArg {
				return missing(i)
			}
			i++
			switch k, _ := pickStr(args[i], "on", "off"); k {
			case 0:
				m.spec.LineLimit, m.spec.CharLimit, m.spec.TitleLimit = dfltLineLimit, dfltCharLimit, dfltTitleLimit
			case 1:
				m.spec.LineLimit, m.spec.CharLimit, m.spec.TitleLimit = 0, 0, 0
			default:
				nums, ok := scanInts(args[i], 3)
				if len(nums) < 2 || !ok {
					return s.argError(i, "bad argument", `Should be "L,C,T" where L, C and T are unsigned integers`)
				}
				m.spec.LineLimit, m.spec.CharLimit = nums[0], nums[1]
				if len(nums) == 3 {
					m.spec.TitleLimit = nums[2]
				}
			}
			chng = true
		case optionMatch(z, "list"):
			var b strings.Builder
			b.WriteString("available modes:")
			for i, mi := range render.Modes {
				if i != render.ModeWWW {
					b.WriteString(" " + mi.Name)
				}
			}
			b.WriteString(" batch tty\n")
			if _, err := fmt.Fprint(s.out, b.String()); err != nil {
				return err
			}
			chng = true
		case optionMatch(z, "once"):
			saved := m.clone()
			s.modePrior = &saved
		case optionMatch(z, "noquote"):
			m.spec.Text, m.spec.Blob = render.TextPlain, render.BlobAuto
			chng = true
		case optionMatch(z, "quote"):
			k := 1
			if i+1 < nArg && !strings.HasPrefix(args[i+1], "-") &&
				(iMode > 0 || args[i+1] == "off" || findMode(args[i+1]) < 0) {
				i++
				if b, _ := pickStr(args[i], "no", "yes", "0", "1"); b >= 0 {
					k = b & 1
				} else {
					var msg string
					if k, msg = pickStr(args[i], "off", "on", "sql", "csv", "html", "tcl", "json", "relaxed"); k < 0 {
						return s.argError(i, "unknown", msg)
					}
				}
			}
			switch k {
			case 1:
				m.spec.Null = "NULL"
				m.spec.Text = render.TextSQL
			case 2:
				m.spec.Text = render.TextSQL
			case 3:
				m.spec.Text = render.TextCSV
			case 4:
				m.spec.Text = render.TextHTML
			case 5:
				m.spec.Text = render.TextTcl
			case 6:
				m.spec.Text = render.TextJSON
			case 7:
				m.spec.Text = render.TextRelaxed
			default:
				m.spec.Text = render.TextPlain
			}
			chng = true
		case optionMatch(z, "reset"):
			mode := m.mode
			m.reset()
			m.change(mode)
		case optionMatch(z, "screenwidth") || optionMatch(z, "sw"):
			if i+1 >= nArg {
				return missing(i)
			}
			i++
			switch k, _ := pickStr(args[i], "off", "auto"); k {
			case 0:
				m.autoSW, m.spec.ScreenWidth = false, 0
			case 1:
				m.autoSW = true
			default:
				w := integerValue(args[i])
				m.autoSW = false
				m.spec.ScreenWidth = int(min(max(w, 0), render.MaxWidth))
			}
			chng = true
		case optionMatch(z, "tag"):
			return s.argError(i, "not supported by hello-sqlite", "")
		case optionMatch(z, "textjsonb"):
			if i+1 >= nArg {
				return missing(i)
			}
			i++
			m.spec.TextJSONB = render.No
			if s.booleanValue(args[i]) {
				m.spec.TextJSONB = render.Yes
			}
			chng = true
		case optionMatch(z, "titles") || optionMatch(z, "title"):
			if i+1 >= nArg {
				return missing(i)
			}
			i++
			k, msg := pickStr(args[i], "off", "on", "plain", "sql", "csv", "html", "tcl", "json")
			if k < 0 {
				return s.argError(i, "bad --titles value", msg)
			}
			m.spec.Titles = render.No
			if k >= 1 {
				m.spec.Titles = render.Yes
			}
			m.hdrSet = false
			m.spec.Title = m.info().Title
			if k > 1 {
				m.spec.Title = render.TextEnc(k - 1)
			}
			chng = true
		case optionMatch(z, "widths") || optionMatch(z, "width"):
			if i+1 >= nArg {
				return missing(i)
			}
			i++
			w, err := s.parseWidths(args[i], i)
			if err != nil {
				return err
			}
			m.spec.Widths = w
			chng = true
		case optionMatch(z, "wrap"):
			if i+1 >= nArg {
				return missing(i)
			}
			i++
			m.spec.Wrap = int(min(max(int64(int32(integerValue(args[i]))), -render.MaxWidth), render.MaxWidth))
			chng = true
		case optionMatch(z, "ww"):
			m.spec.WordWrap = render.Yes
			chng = true
		case optionMatch(z, "wordwrap"):
			if i+1 >= nArg {
				return missing(i)
			}
			i++
			m.spec.WordWrap = render.No
			if s.booleanValue(args[i]) {
				m.spec.WordWrap = render.Yes
			}
			chng = true
		case optionMatch(z, "v") || optionMatch(z, "verbose"):
			all = true
		case strings.HasPrefix(z, "-"):
			return s.argError(i, "bad option", `Use ".help .mode" for more info`)
		default:
			brief := "unknown mode"
			if iMode > 0 {
				brief = "bad argument"
			}
			return s.argError(i, brief, `Use ".help .mode" for more info`)
		}
	}
	if !chng || all {
		_, err := fmt.Fprintf(s.out, ".mode %s\n", s.describeMode(all))
		return err
	}
	return nil
}

// scanInts reads up to n comma-separated integers as sscanf("%d,%d,%d")
// does; ok is false if one is negative.
func scanInts(arg string, n int) (nums []int, ok bool) {
	ok = true
	for _, part := range strings.SplitN(arg, ",", n) {
		j := 0
		if j < len(part) && (part[j] == '-' || part[j] == '+') {
			j++
		}
		k := j
		for k < len(part) && part[k] >= '0' && part[k] <= '9' {
			k++
		}
		if k == j {
			break
		}
		v, _ := strconv.Atoi(part[:k])
		if v < 0 {
			ok = false
		}
		nums = append(nums, v)
		if k < len(part) {
			break
		}
	}
	return nums, ok
}

// parseWidths reads --widths' comma-separated list.
func (s *shell) parseWidths(z string, i int) ([]int, error) {
	var ws []int
	z = strings.TrimLeft(z, " \t\n\v\f\r")
	for z != "" {
		k := 0
		if len(z) > 1 && z[0] == '-' && z[1] >= '0' && z[1] <= '9' {
			k = 1
		}
		w, digits := 0, 0
		for k < len(z) && z[k] >= '0' && z[k] <= '9' {
			w = w*10 + int(z[k]-'0')
			if w > render.MaxWidth {
				return nil, s.argError(i+1, "width too big", fmt.Sprintf("Maximum column width is %d", render.MaxWidth))
			}
			digits++
			k++
		}
		if digits == 0 {
			return nil, s.argError(i+1, "syntax error", "should be a comma-separated list if integers")
		}
		if z[0] == '-' {
			w = -w
		}
		ws = append(ws, w)
		z = z[k:]
		z = strings.TrimPrefix(z, ",")
		z = strings.TrimLeft(z, " \t\n\v\f\r")
	}
	return ws, nil
}

// describeMode is what .mode shows: the mode and the settings that
// differ from its defaults (all of them with -v).
func (s *shell) describeMode(all bool) string {
	m := &s.m
	mi := m.info()
	sp := &m.spec
	var b strings.Builder
	if s.modePrior != nil {
		b.WriteString("--once ")
	}
	b.WriteString(mi.Name)
	if all || (len(sp.Aligns) > 0 && mi.Kind == 2) {
		b.WriteString(` --align "`)
		for _, a := range sp.Aligns {
			b.WriteByte("LLCR"[a&3])
		}
		b.WriteString(`"`)
	}
	if all || (sp.Border == render.No) != mi.NoBorder {
		b.WriteString(" --border " + onOff(sp.Border != render.No))
	}
	if all || sp.Blob != render.BlobAuto {
		b.WriteString(" --blob-quote " + []string{"auto", "text", "sql", "hex", "tcl", "json", "size"}[sp.Blob])
	}
	if all || (mi.HasColSep && mi.ColSep != sp.ColSep) {
		b.WriteString(" --colsep " + cQuote(sp.ColSep))
	}
	if all || sp.Esc != render.EscAuto {
		b.WriteString(" --escape " + []string{"auto", "off", "ascii", "symbol"}[sp.Esc])
	}
	if all || (sp.LineLimit > 0 && mi.Kind > 0) || sp.CharLimit > 0 || (sp.TitleLimit > 0 && mi.Kind > 0) {
		switch {
		case sp.LineLimit == 0 && sp.CharLimit == 0 && sp.TitleLimit == 0:
			b.WriteString(" --limits off")
		case sp.LineLimit == dfltLineLimit && sp.CharLimit == dfltCharLimit && sp.TitleLimit == dfltTitleLimit:
			b.WriteString(" --limits on")
		default:
			fmt.Fprintf(&b, " --limits %d,%d,%d", sp.LineLimit, sp.CharLimit, sp.TitleLimit)
		}
	}
	if all { // the stock shell tests a style its mode settings never set: only -v shows it

		fmt.Fprintf(&b, " --multiinsert %d", sp.MultiInsert)
	}
	if all || (mi.HasNul && mi.Null != sp.Null) {
		b.WriteString(" --null " + cQuote(sp.Null))
	}
	if all || (mi.Text != sp.Text && (mi.Text > 1 || sp.Text > 1)) {
		b.WriteString(" --quote " + []string{"off", "off", "sql", "hex", "csv", "tcl", "json", "relaxed"}[sp.Text])
	}
	if all || (mi.HasRowSep && mi.RowSep != sp.RowSep) {
		b.WriteString(" --rowsep " + cQuote(sp.RowSep))
	}
	if all || (mi.Kind > 0 && (sp.ScreenWidth > 0 || m.autoSW)) {
		if m.autoSW {
			b.WriteString(" --sw auto")
		} else {
			fmt.Fprintf(&b, " --sw %d", sp.ScreenWidth)
		}
	}
	if all || m.mode == render.FindMode("insert") {
		b.WriteString(" --tablename " + cQuote(sp.TableName))
	}
	if all || sp.TextJSONB != render.Auto {
		b.WriteString(" --textjsonb " + onOff(sp.TextJSONB == render.Yes))
	}
	switch s.titleDisplay(all) {
	case 1:
		b.WriteString(" --titles off")
	case 2:
		b.WriteString(" --titles on")
	case 3:
		b.WriteString(" --titles " + []string{"plain", "sql", "csv", "html", "tcl", "json"}[max(int(sp.Title)-1, 0)])
	}
	if len(sp.Widths) > 0 && (all || mi.Kind == 2) {
		sep := " --widths "
		for _, w := range sp.Widths {
			fmt.Fprintf(&b, "%s%d", sep, w)
			sep = ","
		}
	} else if all {
		b.WriteString(` --widths ""`)
	}
	if all || (mi.Kind > 0 && sp.WordWrap != render.Auto) {
		if all {
			b.WriteString(" --wordwrap " + onOff(sp.WordWrap == render.Yes))
		}
		if sp.Wrap != 0 {
			fmt.Fprintf(&b, " --wrap %d", sp.Wrap)
		}
		if !all {
			b.WriteString(" --ww")
		}
	}
	return b.String()
}

// titleDisplay is the stock shell's modeTitleDsply: 0 nothing to show,
// 1 "--titles off", 2 "--titles on", 3 "--titles ENCODING".
func (s *shell) titleDisplay(all bool) int {
	mi := s.m.info()
	bT, eT := int(s.m.spec.Titles), int(s.m.spec.Title)
	bH, eH := int(mi.Titles), int(mi.Title)
	v := uint64(0x0133013311220102)
	if bH == 0 {
		return 0
	}
	if eT == 0 {
		eT = eH
	}
	if bT == 0 {
		bT = bH
	}
	if eT != eH {
		v >>= 32
	}
	if bT != bH {
		v >>= 16
	}
	if bT < 2 {
		v >>= 8
	}
	if !all {
		v >>= 4
	}
	return int(v & 3)
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
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

// popMode ends a .mode --once after the SQL that followed it.
func (s *shell) popMode() {
	if s.modePrior != nil {
		s.m = *s.modePrior
		s.modePrior = nil
	}
}

// dotHeaders is ".headers on|off". The choice holds across later .mode
// commands.
func (s *shell) dotHeaders(args []string) error {
	if len(args) != 2 {
		return dotUsage(".headers on|off")
	}
	s.setHeaders(s.booleanValue(args[1]))
	s.m.spec.Title = s.m.info().Title
	return nil
}

// setHeaders is -header/-noheader, and .headers without the title reset.
func (s *shell) setHeaders(on bool) {
	s.m.spec.Titles = render.No
	if on {
		s.m.spec.Titles = render.Yes
	}
	s.m.hdrSet = true
}

// dotSeparator is ".separator COL ?ROW?". The arguments were already
// unquoted (and, for "..." arguments, unescaped) by the dot-command parser.
// Like the stock shell it still sets them when given too many arguments.
func (s *shell) dotSeparator(args []string) error {
	if len(args) >= 2 {
		s.m.setColSep(args[1])
	}
	if len(args) >= 3 {
		s.m.spec.RowSep = args[2]
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
	s.m.spec.Null = args[1]
	return nil
}
