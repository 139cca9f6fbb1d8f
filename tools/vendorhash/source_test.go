package main

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

func TestSelectedFiles(t *testing.T) {
	root := t.TempDir()
	for _, rel := range []string{
		"go.mod", "go.sum", "main.go", "main_test.go", "README.md", "default.pgo", "other.pgo",
		"testdata/golden/a.txt", "internal/x/x.go",
		"tools/t/main.go", "nix/package.nix", "bench/b.go", "test/e2e/e2e_test.go",
	} {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sel := sourceSelection{
		RootFileSuffixes: []string{".go"},
		RootFiles:        []string{"go.mod", "go.sum"},
		OptionalRoot:     []string{"default.pgo", "absent.txt"},
		Dirs:             []string{"testdata", "internal", "missing"},
	}
	got, err := selectedFiles(root, sel)
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	want := []string{"default.pgo", "go.mod", "go.sum", "internal/x/x.go", "main.go", "main_test.go", "testdata/golden/a.txt"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("selected %q, want %q", got, want)
	}

	os.Remove(filepath.Join(root, "go.sum"))
	if _, err := selectedFiles(root, sel); err == nil {
		t.Error("a missing go.sum must be an error")
	}
}

// TestRepositorySelectionFile checks the real nix/go-source.json parses and
// names go.mod, so nix/package.nix and this tool read a usable list.
func TestRepositorySelectionFile(t *testing.T) {
	sel, err := readSelection(filepath.Join("..", "..", "nix", "go-source.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !contains(sel.RootFiles, "go.mod") || !contains(sel.RootFiles, "go.sum") {
		t.Errorf("nix/go-source.json rootFiles %q lacks go.mod/go.sum", sel.RootFiles)
	}
}
