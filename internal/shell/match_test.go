package shell

import "testing"

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{".tim*", ".timer on|off|once       Turn SQL timer on or off.", true},
		{".tim*", ",timer", false},
		{"SEARCH t USING COVERING INDEX*(*=?)", "SEARCH t USING COVERING INDEX i (a=?)", true},
		{"SEARCH * USING INTEGER PRIMARY KEY (rowid=?)", "SEARCH p USING INTEGER PRIMARY KEY (rowid=?)", true},
		{"a?c", "abc", true},
		{"a?c", "ac", false},
		{"[a-c]x", "bx", true},
		{"[^a-c]x", "bx", false},
		{"[]]", "]", true},
		{"*", "", true},
		{"abc", "ABC", false},
	}
	for _, tt := range tests {
		if got := globMatch(tt.pattern, tt.s); got != tt.want {
			t.Errorf("globMatch(%q, %q) = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}

func TestLikeMatch(t *testing.T) {
	tests := []struct {
		pattern, s string
		esc        byte
		want       bool
	}{
		{"%width%", ".width NUM1", 0, true},
		{"%WIDTH%", ".width NUM1", 0, true},
		{"t_", "t1", 0, true},
		{"t_", "t", 0, false},
		{`sqlite\_%`, "sqlite_stat1", '\\', true},
		{`sqlite\_%`, "sqliteXstat1", '\\', false},
		{"a%b%c", "aXXbYc", 0, true},
		{"a%b%c", "aXXbY", 0, false},
	}
	for _, tt := range tests {
		if got := likeMatchEscape(tt.pattern, tt.s, tt.esc); got != tt.want {
			t.Errorf("likeMatchEscape(%q, %q, %q) = %v, want %v", tt.pattern, tt.s, tt.esc, got, tt.want)
		}
	}
}

// The help entries are those of the commands the shell has, each starting
// with its command line, and every command that runs has one.
func TestHelpEntries(t *testing.T) {
	have := map[string]bool{}
	for _, e := range helpEntries() {
		if e[0][0] != '.' && e[0][0] != ',' {
			t.Errorf("entry starts with %q", e[0])
		}
		have[lookupDot(e[0][1:1+firstSpace(e[0][1:])]).name] = true
	}
	for i, c := range dotTable {
		// Entries reached under another's name (.once is .output's) aside.
		if c.run != nil && lookupDot(c.name) == &dotTable[i] && !have[c.name] {
			t.Errorf(".%s has no help entry", c.name)
		}
	}
}

func firstSpace(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return i
		}
	}
	return len(s)
}
