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
		{"keyword, upper case typed", "SEL", -1, "", "", []string{"SELECT"}},
		{"keyword, lower case typed", "sel", -1, "", "", []string{"select"}},
		{"keyword, mixed case typed", "Sel", -1, "", "", []string{"SELECT"}},
		{"keyword after text", "SELECT * FR", -1, "SELECT * ", "", []string{"FROM"}},
		{"keywords and names together", "SELECT * FROM ord", -1, "SELECT * FROM ", "", []string{"order", "order_items", "orders"}},
		{"names ignore case, the word's case kept", "SELECT CUST", -1, "SELECT ", "", []string{"CUSTomer", "CUSTomer_id"}},
		{"word before the cursor only", "SELECT cus FROM t", 10, "SELECT ", " FROM t", []string{"customer", "customer_id"}},
		{"one candidate in its own case", "SELECT CUSTOMER_", -1, "SELECT ", "", []string{"customer_id"}},
		{"after a parenthesis", "SELECT count(CU", -1, "SELECT count(", "", []string{"CURRENT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CUstomer", "CUstomer_id"}},
		{"non-ASCII name", "SELECT 名", -1, "SELECT ", "", []string{"名前"}},
		{"name equal to a keyword once", "tem", -1, "", "", []string{"temp", "temporary"}},
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
