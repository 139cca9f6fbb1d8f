package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The expected hashes come from Nix itself, computed on the same trees:
// `nix --extra-experimental-features nix-command hash path PATH` (nix 2.8.0,
// Debian's nix-bin). scripts/check-nix repeats the comparison on vendor/.
func TestNARHashMatchesNix(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, content string, mode os.FileMode) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, rel string) {
		if err := os.Symlink(target, filepath.Join(dir, rel)); err != nil {
			t.Fatal(err)
		}
	}
	write("file", "hello\n", 0o644)
	write("exe", "#!/bin/sh\necho hi\n", 0o755)
	link("target/of/link", "link")
	if err := os.Mkdir(filepath.Join(dir, "emptydir"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Names chosen so bytewise order (B < a < a.b) differs from case-folded order.
	write("tree/B", "x", 0o644)
	write("tree/a", "", 0o644)
	write("tree/a.b", "abcdefgh", 0o644) // exactly 8 bytes: no padding
	write("tree/sub/ab", "z", 0o755)
	link("../a", "tree/sub/l")

	tests := []struct{ path, want string }{
		{"file", "sha256-HDfQGvQL4ugGkd48w99EN3ppmvuxfGjwgJZLL9Bx/BM="},
		{"exe", "sha256-XgrM8Czt7eXkEZ/6FeeeeaX7H7m8Q8PUNPMyJ6FEd6A="},
		{"link", "sha256-bBhbaXSs8xmNT1xdjr8B/kkmxo1wuUjLtWHoPWuREXQ="},
		{"emptydir", "sha256-pQpattmS9VmO3ZIQUFn66az8GSmB4IvYhTTCFn6SUmo="},
		{"tree", "sha256-A7Y40u0iAJu2TLSXcPR6OszPJwkr3VS6aIDorktXoSM="},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got, err := narHashSRI(filepath.Join(dir, tt.path))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("NAR hash of %s = %s, nix says %s", tt.path, got, tt.want)
			}
		})
	}
}

// TestNARBytes pins the byte layout of the smallest archive: strings are
// length-prefixed (uint64 little-endian) and zero-padded to 8 bytes.
func TestNARBytes(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(p, []byte("hi"), 0o644); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := writeNAR(&got, p); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	for _, s := range []string{"nix-archive-1", "(", "type", "regular", "contents", "hi", ")"} {
		n := len(s)
		want.Write([]byte{byte(n), 0, 0, 0, 0, 0, 0, 0})
		want.WriteString(s)
		want.Write(make([]byte, (8-n%8)%8))
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("NAR bytes:\n got %q\nwant %q", got.Bytes(), want.Bytes())
	}
}

func TestNARRejectsSpecialFiles(t *testing.T) {
	if _, err := narHashSRI("/dev/null"); err == nil {
		t.Error("a character device must not be serialised")
	}
}
