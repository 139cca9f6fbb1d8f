package shell

// .prompt MAIN ?CONTINUE?: the interactive prompts. The stock shell keeps
// at most 19 bytes of each.
func dotPrompt(s *shell, args []string) error {
	const maxPrompt = 19
	if len(args) >= 2 {
		s.ported.mainPrompt = truncate(args[1], maxPrompt)
		s.ported.setMain = true
	}
	if len(args) >= 3 {
		s.ported.contPrompt = truncate(args[2], maxPrompt)
		s.ported.setCont = true
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// prompt is the prompt .prompt set, if any (term.Terminal.Prompts).
func (s *shell) prompt(continued bool) (string, bool) {
	if continued {
		return s.ported.contPrompt, s.ported.setCont
	}
	return s.ported.mainPrompt, s.ported.setMain
}
