package render

import (
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestSplitColumns uses layouts printed by the stock 3.53 shell's .tables.
func TestSplitColumns(t *testing.T) {
	var many []string
	for i := 1; i <= 30; i++ {
		many = append(many, "t"+strconv.Itoa(i)+strings.Repeat("a", i%7))
	}
	// .tables sorts by name
	sort.Strings(many)
	cases := []struct {
		names []string
		want  string
	}{
		{nil, ""},
		{[]string{"only"}, "only\n"},
		{[]string{"au", "g", "select", "t", "v", "wr"}, "au     g     select     t     v     wr\n"},
		{many, "t10aaa      t14      t18aaaa     t21      t25aaaa     t29a    t4aaaa     t8a\n" +
			"t11aaaa     t15a     t19aaaaa    t22a     t26aaaaa    t2aa    t5aaaaa    t9aa\n" +
			"t12aaaaa    t16aa    t1a         t23aa    t27aaaaaa   t30aa   t6aaaaaa\n" +
			"t13aaaaaa   t17aaa   t20aaaaaa   t24aaa   t28         t3aaa   t7\n"},
		{[]string{strings.Repeat("x", 79), "y"}, strings.Repeat("x", 79) + "\ny\n"},
		{[]string{"a b", strings.Repeat("x", 86), "z"}, "a b\n\n" + strings.Repeat("x", 80) + "\nxxxxxx\n\nz\n"},
		{[]string{"a b", "café", "z", "日本語"}, "a b     café     z     日本語\n"},
	}
	for _, c := range cases {
		if got := SplitColumns(c.names, 80); got != c.want {
			t.Errorf("SplitColumns(%q):\n%s\nwant:\n%s", c.names, got, c.want)
		}
	}
}
