package sqltext

import "strings"

// This file is a port of SQLite's src/complete.c (sqlite3_complete), which
// the Wasm build that ncruces/go-sqlite3 ships compiles out. The shell needs
// it to know when the lines read so far end a statement.

// Tokens of the statement-completeness state machine.
const (
	tkSEMI = iota
	tkWS
	tkOTHER
	tkEXPLAIN
	tkCREATE
	tkTEMP
	tkTRIGGER
	tkEND
)

// completeTrans is complete.c's trans[][]: the next state for each state
// (rows) and token (columns). State 1 (START) means "at the end of a
// statement"; states 4-7 follow CREATE [TEMP] TRIGGER, whose body holds
// semicolons and ends with END followed by a semicolon.
var completeTrans = [8][8]uint8{
	/* State:       SEMI WS OTHER EXPLAIN CREATE TEMP TRIGGER END */
	/* 0 INVALID */ {1, 0, 2, 3, 4, 2, 2, 2},
	/* 1   START */ {1, 1, 2, 3, 4, 2, 2, 2},
	/* 2  NORMAL */ {1, 2, 2, 2, 2, 2, 2, 2},
	/* 3 EXPLAIN */ {1, 3, 3, 2, 4, 2, 2, 2},
	/* 4  CREATE */ {1, 4, 2, 2, 2, 4, 5, 2},
	/* 5 TRIGGER */ {6, 5, 5, 5, 5, 5, 5, 5},
	/* 6    SEMI */ {6, 6, 5, 5, 5, 5, 5, 7},
	/* 7     END */ {1, 7, 5, 5, 5, 5, 5, 5},
}

// isIDChar reports whether c may appear in an SQL identifier or keyword:
// SQLite's IdChar() (letters, digits, '_', '$' and every byte >= 0x80).
func isIDChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '$' || c >= 0x80
}

// Complete reports whether sql ends with a complete SQL statement: a
// semicolon outside strings, quoted identifiers, comments and CREATE TRIGGER
// bodies, followed by nothing but white space and comments. Like the C
// function, it stops at a NUL byte.
func Complete(sql string) bool {
	var c Completer
	c.Feed(sql)
	return c.Complete()
}

// Blank reports whether sql holds only white space and complete comments,
// i.e. nothing that would run. The shell drops such input.
func Blank(sql string) bool {
	var c Completer
	c.Feed(sql)
	return c.Blank()
}

// Completer is complete.c's scanner made resumable, so that the shell can
// feed it one line at a time instead of rescanning a long statement (a
// multi-line INSERT from a dump) at every line. A chunk fed must end with a
// newline or be the end of the input: then no token but a string, quoted
// name or comment spans two chunks.
type Completer struct {
	state uint8
	in    byte // inside: a closing quote ('\'', '"', '`', ']'), '*' (/* comment), '-' (-- comment), or 0
	star  bool // inside a /* comment, the last byte was '*'
	ended bool // a NUL byte was seen: the C string ends there
}

// Complete reports whether the text fed so far ends a statement.
func (c *Completer) Complete() bool {
	return c.state == 1 && (c.in == 0 || c.in == '-')
}

// Blank reports whether the text fed so far is only white space and comments.
func (c *Completer) Blank() bool {
	return c.state == 0 && (c.in == 0 || c.in == '-')
}

// Feed scans more text.
func (c *Completer) Feed(sql string) {
	if c.ended {
		return
	}
	at := func(i int) byte { // the byte at i, or 0 past the end
		if i < len(sql) {
			return sql[i]
		}
		return 0
	}
	for i := 0; i < len(sql); i++ {
		ch := sql[i]
		if ch == 0 {
			c.ended = true
			return
		}
		switch c.in { // finish a token that began in an earlier chunk
		case 0:
		case '*':
			if c.star && ch == '/' {
				c.in = 0
				c.state = completeTrans[c.state][tkWS]
			}
			c.star = ch == '*'
			continue
		case '-':
			if ch == '\n' {
				c.in = 0
				c.state = completeTrans[c.state][tkWS]
			}
			continue
		default:
			if ch == c.in {
				c.in = 0
				c.state = completeTrans[c.state][tkOTHER]
			}
			continue
		}
		var token int
		switch ch {
		case ';':
			token = tkSEMI
		case ' ', '\r', '\t', '\n', '\f':
			token = tkWS
		case '/': // C-style comment
			if at(i+1) != '*' {
				token = tkOTHER
				break
			}
			c.in, c.star = '*', false
			i++
			continue
		case '-': // SQL-style comment to the end of the line
			if at(i+1) != '-' {
				token = tkOTHER
				break
			}
			c.in = '-'
			i++
			continue
		case '[': // Microsoft-style identifier in [...]
			c.in = ']'
			continue
		case '`', '"', '\'': // string or quoted identifier
			c.in = ch
			continue
		default:
			if !isIDChar(ch) {
				token = tkOTHER // an operator
				break
			}
			n := 1
			for isIDChar(at(i + n)) {
				n++
			}
			token = keywordToken(sql[i : i+n])
			i += n - 1
		}
		c.state = completeTrans[c.state][token]
	}
}

// keywordToken classifies an identifier: the few keywords the state machine
// cares about, or tkOTHER.
func keywordToken(word string) int {
	switch {
	case asciiEqualFold(word, "create"):
		return tkCREATE
	case asciiEqualFold(word, "trigger"):
		return tkTRIGGER
	case asciiEqualFold(word, "temp"), asciiEqualFold(word, "temporary"):
		return tkTEMP
	case asciiEqualFold(word, "end"):
		return tkEND
	case asciiEqualFold(word, "explain"):
		return tkEXPLAIN
	}
	return tkOTHER
}

// asciiEqualFold compares like sqlite3StrNICmp: ASCII letters only, so that
// bytes >= 0x80 never match (strings.EqualFold would fold 'K' and U+212A).
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// IsTerminatorLine reports whether line is "go" or "/" alone, which ends
// the pending statement as ";" would.
func IsTerminatorLine(line string) bool {
	t := strings.TrimSpace(line)
	return t == "/" || asciiEqualFold(t, "go")
}
