package shell

// .width ?NUM...?: the widths of the columns of the columnar modes (column,
// table, box, markdown); 0 sizes a column to fit, a negative width
// right-aligns it. Values that are not numbers count as 0; each width is
// clamped to ±10000 (QRF_MAX_WIDTH), as in the stock shell.
func dotWidth(s *shell, args []string) error {
	const maxWidth = 10000
	widths := make([]int, 0, len(args)-1)
	for _, a := range args[1:] {
		w := min(max(integerValue(a), -maxWidth), maxWidth)
		widths = append(widths, int(w))
	}
	s.m.spec.Widths = widths // the mode's --widths, as in the stock shell
	return nil
}
