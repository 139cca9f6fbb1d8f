package shell

import (
	"fmt"
	"strings"
)

// .show: the current settings, one per line, labels right-aligned in 12
// columns, as the stock shell prints them.
func dotShow(s *shell, args []string) error {
	if len(args) != 1 {
		return s.stockError("Usage: .show")
	}
	onOff := func(b bool) string {
		if b {
			return "on"
		}
		return "off"
	}
	w := s.out
	line := func(label, value string) { fmt.Fprintf(w, "%12.12s: %s\n", label, value) }
	line("echo", onOff(s.echo))
	line("eqp", []string{"off", "on", "trigger", "full"}[s.ported.eqp])
	explain := "auto"
	if s.ported.explainOff {
		explain = "off"
	}
	line("explain", explain)
	line("headers", onOff(s.showTitles()))
	line("mode", s.m.name())
	line("nullvalue", cQuote(s.m.spec.Null))
	out := "stdout"
	if n := s.dots.outName; n != "" {
		out = n
	}
	line("output", out)
	line("colseparator", cQuote(s.m.spec.ColSep))
	line("rowseparator", cQuote(s.m.spec.RowSep))
	line("stats", []string{"off", "on", "stmt", "vmstep"}[s.ported.stats])
	var widths strings.Builder
	for _, n := range s.m.spec.Widths {
		fmt.Fprintf(&widths, "%d ", n)
	}
	line("width", widths.String())
	line("filename", s.dbName)
	return nil
}
