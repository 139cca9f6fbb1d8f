// Package completion is what Tab offers at the shell's prompt: SQLite's
// keywords (the ones the stock shell's completion() table gives) and names
// from the database (schemas, tables, views, columns), for the word before
// the cursor. It does not query the database: the caller passes the names.
package completion

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Keywords are SQLite's 147 keywords, as sqlite3_keyword_name gives them.
var Keywords = []string{
	"ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE", "AND", "AS", "ASC",
	"ATTACH", "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE", "CAST", "CHECK",
	"COLLATE", "COLUMN", "COMMIT", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT",
	"CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATABASE", "DEFAULT", "DEFERRABLE",
	"DEFERRED", "DELETE", "DESC", "DETACH", "DISTINCT", "DO", "DROP", "EACH", "ELSE", "END", "ESCAPE",
	"EXCEPT", "EXCLUDE", "EXCLUSIVE", "EXISTS", "EXPLAIN", "FAIL", "FILTER", "FIRST", "FOLLOWING",
	"FOR", "FOREIGN", "FROM", "FULL", "GENERATED", "GLOB", "GROUP", "GROUPS", "HAVING", "IF", "IGNORE",
	"IMMEDIATE", "IN", "INDEX", "INDEXED", "INITIALLY", "INNER", "INSERT", "INSTEAD", "INTERSECT",
	"INTO", "IS", "ISNULL", "JOIN", "KEY", "LAST", "LEFT", "LIKE", "LIMIT", "MATCH", "MATERIALIZED",
	"NATURAL", "NO", "NOT", "NOTHING", "NOTNULL", "NULL", "NULLS", "OF", "OFFSET", "ON", "OR", "ORDER",
	"OTHERS", "OUTER", "OVER", "PARTITION", "PLAN", "PRAGMA", "PRECEDING", "PRIMARY", "QUERY", "RAISE",
	"RANGE", "RECURSIVE", "REFERENCES", "REGEXP", "REINDEX", "RELEASE", "RENAME", "REPLACE",
	"RESTRICT", "RETURNING", "RIGHT", "ROLLBACK", "ROW", "ROWS", "SAVEPOINT", "SELECT", "SET", "TABLE",
	"TEMP", "TEMPORARY", "THEN", "TIES", "TO", "TRANSACTION", "TRIGGER", "UNBOUNDED", "UNION",
	"UNIQUE", "UPDATE", "USING", "VACUUM", "VALUES", "VIEW", "VIRTUAL", "WHEN", "WHERE", "WINDOW",
	"WITH", "WITHOUT",
}

// NamesQuery lists the names Tab completes besides keywords: attached
// schemas, tables and views, and their columns.
const NamesQuery = `SELECT name FROM pragma_database_list
UNION SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')
UNION SELECT p.name FROM sqlite_schema AS m, pragma_table_info(m.name) AS p WHERE m.type IN ('table', 'view')`

// isWordRune says what a word to complete is made of: an identifier's
// characters, as SQLite reads them (letters, digits, _ and $, and any
// non-ASCII character).
func isWordRune(r rune) bool {
	return r == '_' || r == '$' || r >= utf8.RuneSelf || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Complete splits line at pos (a byte offset) into head, the word being
// typed and tail, and returns the keywords and names that start with that
// word, ignoring case, sorted and without repeats. Keywords come in upper
// case, or in lower case when the word is typed in lower case. An empty
// word offers nothing (the list would be every keyword).
//
// The editor replaces the word with the candidates' longest common prefix,
// so that prefix must never be shorter than the word: when the candidates
// differ in case from the word and from each other, each one starts with
// the word as typed.
func Complete(line string, pos int, names []string) (head string, candidates []string, tail string) {
	if pos < 0 || pos > len(line) {
		pos = len(line)
	}
	start := pos
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(line[:start])
		if !isWordRune(r) {
			break
		}
		start -= n
	}
	head, word, tail := line[:start], line[start:pos], line[pos:]
	if word == "" {
		return head, nil, tail
	}
	lower := strings.ToLower(word) == word
	seen := map[string]bool{}
	add := func(c string) {
		if len(c) >= len(word) && strings.EqualFold(c[:len(word)], word) && !seen[c] {
			seen[c] = true
			candidates = append(candidates, c)
		}
	}
	for _, k := range Keywords {
		if lower {
			k = strings.ToLower(k)
		}
		add(k)
	}
	for _, n := range names {
		add(n)
	}
	// sort.Slice, not sort.Strings: the binary links sort.Slice already (go-runewidth)
	// and slices.Sort[string] would add 7 KB for a list this short (docs/size.md).
	sort.Slice(candidates, func(i, j int) bool { return candidates[i] < candidates[j] })
	if len(candidates) > 1 && len(commonPrefix(candidates)) < len(word) {
		for i, c := range candidates {
			candidates[i] = word + c[len(word):]
		}
	}
	return head, candidates, tail
}

// commonPrefix is the longest prefix all of list share, byte for byte.
func commonPrefix(list []string) string {
	p := list[0]
	for _, s := range list[1:] {
		n := 0
		for n < len(p) && n < len(s) && p[n] == s[n] {
			n++
		}
		p = p[:n]
	}
	return p
}
