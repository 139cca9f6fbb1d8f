package sqltext

import "strings"

// CompleteSQL ends a CREATE statement that stops inside a comment (closing
// a /* comment, or ending a -- comment's line) so that the ";" printed
// after it ends the statement (the stock shell's shell_complete_sql).
func CompleteSQL(sql string) string {
	if !strings.Contains(sql, "/*") && !strings.Contains(sql, "--") {
		return sql
	}
	for _, term := range []string{"", "*/", "\n"} {
		if Complete(sql + term + ";") {
			return sql + term
		}
	}
	return sql
}

// StringLiteral is an SQL string literal: 'it”s'.
func StringLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// QuotedIdent is a quoted SQL identifier: "my ""table""".
func QuotedIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
