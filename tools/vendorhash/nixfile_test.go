package main

import (
	"strings"
	"testing"
)

func TestReadAndReplaceVendorHash(t *testing.T) {
	tests := []struct {
		name, text, want string
		ok               bool
	}{
		{"one line", "{\n  vendorHash = \"sha256-AAA=\";\n}\n", "sha256-AAA=", true},
		{"empty hash", "  vendorHash = \"\";\n", "", true},
		{"missing", "{ }\n", "", false},
		{"two lines", "  vendorHash = \"a\";\n  vendorHash = \"b\";\n", "", false},
		{"null is not a hash", "  vendorHash = null;\n", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readVendorHash([]byte(tt.text))
			if (err == nil) != tt.ok {
				t.Fatalf("readVendorHash error = %v, want ok=%v", err, tt.ok)
			}
			if got != tt.want {
				t.Errorf("readVendorHash = %q, want %q", got, tt.want)
			}
			if !tt.ok {
				return
			}
			out, err := replaceVendorHash([]byte(tt.text), "sha256-NEW=")
			if err != nil {
				t.Fatal(err)
			}
			if h, _ := readVendorHash(out); h != "sha256-NEW=" {
				t.Errorf("after replace: %q", out)
			}
			if strings.Count(string(out), "\n") != strings.Count(tt.text, "\n") {
				t.Errorf("replace changed other lines: %q", out)
			}
		})
	}
}
