package shell

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIsDevNull(t *testing.T) {
	devnull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	file, err := os.Create(filepath.Join(t.TempDir(), "empty.sql"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	zero, err := os.Open("/dev/zero") // a character device, not the null one
	if err != nil {
		t.Fatal(err)
	}
	defer zero.Close()
	for _, tc := range []struct {
		name string
		in   io.Reader
		want bool
	}{
		{"/dev/null", devnull, true},
		{"pipe", r, false},
		{"empty file", file, false},
		{"/dev/zero", zero, false},
		{"not a file", strings.NewReader(""), false},
	} {
		if got := isDevNull(tc.in); got != tc.want {
			t.Errorf("isDevNull(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
