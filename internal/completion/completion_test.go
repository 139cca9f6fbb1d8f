package completion

import (
	"reflect"
	"testing"
)

func TestComplete(t *testing.T) {
	names := []string{"main", "temp", "orders", "order_items", "Customer", "customer_id", "名前"}
	for _, tc := range []struct {
		name, line string
		pos        int // -1: end of line
		head, tail string
		want       []string
	}{
		{"keyword, lower case typed", "sel", -1, "", "", []string{"SELECT"}},
		{"keyword after text", "SELECT * FR", -1, "SELECT * ", "", []string{"FROM"}},
		{"keywords and names together", "SELECT * FROM ord", -1, "SELECT * FROM ", "", []string{"ORDER", "order_items", "orders"}},
		{"names ignore case", "SELECT cust", -1, "SELECT ", "", []string{"Customer", "customer_id"}},
		{"word before the cursor only", "SELECT cus FROM t", 10, "SELECT ", " FROM t", []string{"Customer", "customer_id"}},
		{"after a parenthesis", "SELECT count(cu", -1, "SELECT count(", "", []string{"CURRENT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "Customer", "customer_id"}},
		{"non-ASCII name", "SELECT 名", -1, "SELECT ", "", []string{"名前"}},
		{"name equal to a keyword once", "TEM", -1, "", "", []string{"TEMP", "TEMPORARY", "temp"}},
		{"empty word offers nothing", "SELECT ", -1, "SELECT ", "", nil},
		{"no match", "SELECT zzz", -1, "SELECT ", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pos := tc.pos
			if pos < 0 {
				pos = len(tc.line)
			}
			head, got, tail := Complete(tc.line, pos, names)
			if head != tc.head || tail != tc.tail || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Complete(%q, %d) = %q, %q, %q; want %q, %q, %q", tc.line, pos, head, got, tail, tc.head, tc.want, tc.tail)
			}
		})
	}
}

func TestKeywords(t *testing.T) {
	if len(Keywords) != 147 {
		t.Errorf("%d keywords, SQLite has 147", len(Keywords))
	}
	for i := 1; i < len(Keywords); i++ {
		if Keywords[i-1] >= Keywords[i] {
			t.Errorf("keywords not sorted or repeated at %q", Keywords[i])
		}
	}
}
