package shell

import (
	"fmt"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// .limits ?NAME? ?VALUE?: show or change the connection's run-time limits
// (sqlite3_limit), with the stock shell's names, order and prefix matching.
var limitNames = []struct {
	name string
	id   sqlite3.LimitCategory
}{
	{"length", sqlite3.LIMIT_LENGTH},
	{"sql_length", sqlite3.LIMIT_SQL_LENGTH},
	{"column", sqlite3.LIMIT_COLUMN},
	{"expr_depth", sqlite3.LIMIT_EXPR_DEPTH},
	{"parser_depth", sqlite3.LIMIT_PARSER_DEPTH},
	{"compound_select", sqlite3.LIMIT_COMPOUND_SELECT},
	{"vdbe_op", sqlite3.LIMIT_VDBE_OP},
	{"function_arg", sqlite3.LIMIT_FUNCTION_ARG},
	{"attached", sqlite3.LIMIT_ATTACHED},
	{"like_pattern_length", sqlite3.LIMIT_LIKE_PATTERN_LENGTH},
	{"variable_number", sqlite3.LIMIT_VARIABLE_NUMBER},
	{"trigger_depth", sqlite3.LIMIT_TRIGGER_DEPTH},
	{"worker_threads", sqlite3.LIMIT_WORKER_THREADS},
}

func dotLimits(s *shell, args []string) error {
	// The stock shell prints these on stdout even under .output.
	show := func(i int) {
		fmt.Fprintf(s.stdout, "%20s %d\n", limitNames[i].name, s.db.Limit(limitNames[i].id, -1))
	}
	switch {
	case len(args) == 1:
		for i := range limitNames {
			show(i)
		}
		return nil
	case len(args) > 3:
		return s.stockError("Usage: .limit NAME ?NEW-VALUE?")
	}
	found := -1
	for i, l := range limitNames {
		if hasPrefixFold(l.name, args[1]) {
			if found >= 0 {
				return s.stockError("ambiguous limit: \"%s\"", args[1])
			}
			found = i
		}
	}
	if found < 0 {
		return s.stockError("unknown limit: \"%s\"\nenter \".limits\" with no arguments for a list.", args[1])
	}
	if len(args) == 3 {
		s.db.Limit(limitNames[found].id, int(int32(integerValue(args[2]))))
		return nil
	}
	show(found)
	return nil
}

var _ = strings.EqualFold
