package shell

// argError returns the error for argument arg of the current dot-command
// (s.dotLine), printed in the 3.53 pointer form by reportArgError; an arg
// past the end has no pointer.
func (s *shell) argError(arg int, brief, detail string) error {
	return &argError{arg: arg, brief: brief, detail: detail}
}
