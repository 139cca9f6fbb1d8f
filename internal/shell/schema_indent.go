package shell

import "strings"

// indentSchema is .schema --indent's layout of a CREATE statement (the
// stock shell's shell_format_schema with flag 1), without the final ";":
// white space collapsed and, for statements of 79 bytes or more, one
// column definition per line, indented by two spaces, and each AND of a
// partial index's WHERE on a line of its own. Views and triggers are left
// as written.
func indentSchema(sql string) string {
	if likePrefix(sql, "CREATE VIEW") || likePrefix(sql, "CREATE TRIG") {
		return sql
	}
	isIndex := likePrefix(sql, "CREATE INDEX") || likePrefix(sql, "CREATE UNIQUE INDEX")

	// Collapse runs of white space, and drop it after "(" and before "(" or ")".
	z := make([]byte, 0, len(sql))
	i := 0
	for i < len(sql) && isCSpace(sql[i]) {
		i++
	}
	for ; i < len(sql); i++ {
		c := sql[i]
		if isCSpace(c) {
			if z[len(z)-1] == '\r' {
				z[len(z)-1] = '\n'
			}
			if last := z[len(z)-1]; isCSpace(last) || last == '(' {
				continue
			}
		} else if (c == '(' || c == ')') && len(z) > 0 && isCSpace(z[len(z)-1]) {
			z = z[:len(z)-1]
		}
		z = append(z, c)
	}
	for len(z) > 0 && isCSpace(z[len(z)-1]) {
		z = z[:len(z)-1]
	}
	if len(z) < 79 {
		return string(z)
	}

	at := func(k int) byte {
		if k < len(z) {
			return z[k]
		}
		return 0
	}
	var out strings.Builder
	var seg []byte
	nParen, nLine := 0, 0
	var cEnd byte
	isWhere := false
	for i := 0; i < len(z); i++ {
		c := z[i]
		switch {
		case c == cEnd:
			cEnd = 0
		case cEnd != 0:
		case c == '"' || c == '\'' || c == '`':
			cEnd = c
		case c == '[':
			cEnd = ']'
		case c == '-' && at(i+1) == '-':
			cEnd = '\n'
		case c == '(':
			nParen++
		case c == ')':
			nParen--
			if nLine > 0 && nParen == 0 && len(seg) > 0 && !isWhere {
				out.Write(seg)
				out.WriteByte('\n')
				seg = seg[:0]
			}
		case (c == 'w' || c == 'W') && nParen == 0 && isIndex && wordAt(z, i, "WHERE"):
			isWhere = true
		case isWhere && (c == 'A' || c == 'a') && nParen == 0 && wordAt(z, i, "AND"):
			out.Write(seg)
			out.WriteString("\n    ")
			seg = seg[:0]
		}
		seg = append(seg, c)
		if nParen == 1 && cEnd == 0 && !isWhere &&
			(c == '(' || c == '\n' || (c == ',' && !wsToEOL(z[i+1:]))) {
			if c == '\n' {
				seg = seg[:len(seg)-1]
			}
			out.Write(seg)
			out.WriteString("\n  ")
			seg = seg[:0]
			nLine++
			for isCSpace(at(i + 1)) {
				i++
			}
		}
	}
	out.Write(seg)
	return out.String()
}

// likePrefix is sqlite3_strlike(prefix+"%", s, 0) == 0 for a prefix
// without wildcards: s starts with prefix, ASCII case ignored.
func likePrefix(s, prefix string) bool { return hasPrefixFold(s, prefix) }

// wordAt reports whether z[i:] starts with word (any case) not followed by
// a letter, digit or "_".
func wordAt(z []byte, i int, word string) bool {
	if !hasPrefixFold(string(z[i:]), word) {
		return false
	}
	if k := i + len(word); k < len(z) {
		c := z[k]
		return !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
	}
	return true
}

// wsToEOL reports whether z holds only white space up to the end of the
// line (or a "--" comment, or its end).
func wsToEOL(z []byte) bool {
	for i, c := range z {
		switch {
		case c == '\n':
			return true
		case isCSpace(c):
		case c == '-' && i+1 < len(z) && z[i+1] == '-':
			return true
		default:
			return false
		}
	}
	return true
}

// isCSpace is C's isspace.
func isCSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}
