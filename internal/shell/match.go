package shell

// globMatch is sqlite3_strglob(pattern, s) == 0: * and ? wild, [...]
// classes (with ^ and ranges), case-sensitive.
func globMatch(pattern, s string) bool {
	for len(pattern) > 0 {
		switch c := pattern[0]; c {
		case '*':
			for len(pattern) > 0 && (pattern[0] == '*' || pattern[0] == '?') {
				if pattern[0] == '?' {
					if len(s) == 0 {
						return false
					}
					s = s[1:]
				}
				pattern = pattern[1:]
			}
			if len(pattern) == 0 {
				return true
			}
			for i := 0; i <= len(s); i++ {
				if globMatch(pattern, s[i:]) {
					return true
				}
			}
			return false
		case '?':
			if len(s) == 0 {
				return false
			}
			pattern, s = pattern[1:], s[1:]
		case '[':
			if len(s) == 0 {
				return false
			}
			end, ok := matchClass(pattern, s[0])
			if !ok {
				return false
			}
			pattern, s = pattern[end:], s[1:]
		default:
			if len(s) == 0 || s[0] != c {
				return false
			}
			pattern, s = pattern[1:], s[1:]
		}
	}
	return len(s) == 0
}

// matchClass matches c against the class at the start of pattern ("[...]")
// and returns the length of the class.
func matchClass(pattern string, c byte) (int, bool) {
	i := 1
	invert := false
	if i < len(pattern) && pattern[i] == '^' {
		invert, i = true, i+1
	}
	seen := false
	first := true
	for ; i < len(pattern); i++ {
		p := pattern[i]
		if p == ']' && !first {
			return i + 1, seen != invert
		}
		first = false
		if i+2 < len(pattern) && pattern[i+1] == '-' && pattern[i+2] != ']' {
			if c >= p && c <= pattern[i+2] {
				seen = true
			}
			i += 2
			continue
		}
		if p == c {
			seen = true
		}
	}
	return len(pattern), false // no closing ]: matches nothing
}

// likeMatch is SQL's LIKE (sqlite3_strlike(pattern, s, 0) == 0): % and _
// wild, ASCII letters compared without case.
func likeMatch(pattern, s string) bool { return likeMatchEscape(pattern, s, 0) }

// likeMatchEscape is LIKE ... ESCAPE esc (0: no escape character).
func likeMatchEscape(pattern, s string, esc byte) bool {
	lower := func(c byte) byte {
		if c >= 'A' && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	for len(pattern) > 0 {
		c := pattern[0]
		switch {
		case c == '%':
			for len(pattern) > 0 && pattern[0] == '%' {
				pattern = pattern[1:]
			}
			if len(pattern) == 0 {
				return true
			}
			for i := 0; i <= len(s); i++ {
				if likeMatchEscape(pattern, s[i:], esc) {
					return true
				}
			}
			return false
		case c == '_':
			if len(s) == 0 {
				return false
			}
			pattern, s = pattern[1:], s[1:]
		default:
			if c == esc && esc != 0 && len(pattern) > 1 {
				pattern = pattern[1:]
				c = pattern[0]
			}
			if len(s) == 0 || lower(s[0]) != lower(c) {
				return false
			}
			pattern, s = pattern[1:], s[1:]
		}
	}
	return len(s) == 0
}
