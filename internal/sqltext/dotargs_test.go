package sqltext

import (
	"reflect"
	"testing"
)

func TestParseDotArgs(t *testing.T) {
	cases := []struct {
		line string
		want []string
	}{
		{".tables", []string{"tables"}},
		{".", nil},
		{".  ", nil},
		{".mode csv", []string{"mode", "csv"}},
		{".separator ;", []string{"separator"}}, // a final ";" is dropped
		{".schema t ; ", []string{"schema", "t"}},
		{".print 'a b' \"c d\"", []string{"print", "a b", "c d"}},
		{`.print "a\tb" 'a\tb'`, []string{"print", "a\tb", `a\tb`}},
		{`.print "q\"q" "x\x41y" "\101\60" "\q"`, []string{"print", `q"q`, "xAy", "A0", "q"}},
		{`.print "unterminated arg`, []string{"print", "unterminated arg"}},
		{".print a\tb\r\n", []string{"print", "a", "b"}},
		{`.print "x\000y"`, []string{"print", "x"}},
		{`.print ab"cd"`, []string{"print", `ab"cd"`}},
	}
	for _, c := range cases {
		if got := ParseDotArgs(c.line); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseDotArgs(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}
