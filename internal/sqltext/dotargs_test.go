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

func TestParseDotArgOffsets(t *testing.T) {
	cases := []struct {
		line string
		want []int
	}{
		{".mode FOO", []int{1, 6}},
		{`.mode "insert FOO`, []int{1, 7}}, // after the opening quote, as the stock shell's aiOfst
		{".output  stdout\tBAD ;", []int{1, 9, 16}},
		{".", nil},
	}
	for _, c := range cases {
		args, got := ParseDotArgOffsets(c.line)
		if !reflect.DeepEqual(got, c.want) || len(args) != len(got) {
			t.Errorf("ParseDotArgOffsets(%q) = %q %v, want offsets %v", c.line, args, got, c.want)
		}
	}
}
