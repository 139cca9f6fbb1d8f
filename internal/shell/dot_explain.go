package shell

// .explain ?on|off|auto?: whether EXPLAIN and EXPLAIN QUERY PLAN output is
// laid out the stock shell's special way (auto, the default) or in the
// current mode (off). As in the stock shell, "on" is auto, no argument
// changes nothing, and surplus arguments are ignored.
func dotExplain(s *shell, args []string) error {
	if len(args) >= 2 {
		s.ported.explainOff = args[1] != "auto" && !s.booleanValue(args[1])
	}
	return nil
}
