package shell

import (
	"errors"
	"fmt"
)

// stockError prints msg on stderr exactly as the stock shell does for the
// dot-commands ported from it (usage lines, "Error: ..."), with no prefix of
// ours, and returns it as an error that is counted but not printed again.
func (s *shell) stockError(format string, a ...any) error {
	msg := fmt.Sprintf(format, a...)
	fmt.Fprintln(s.stderr, msg)
	return ReportedError{errors.New(msg)}
}
