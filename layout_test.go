package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestImportDirection holds the packages under internal/ to their one-way
// dependencies: main -> shell -> {transfer, render, engine, term, sqltext,
// lineedit, completion, syscmd}, transfer -> {engine, render, sqltext},
// engine -> {sqlfuncs, timezone}, sqlfuncs -> {sqltext, syscmd, sqlar}, and the
// rest import none of ours.
// Only main imports the session; only tests (_test.go files) import
// ptytest, so that it stays out of the shipped binary.
func TestImportDirection(t *testing.T) {
	const mod = "github.com/hello-sqlite/hello-sqlite/"
	allowed := map[string][]string{
		"internal/shell":       {"internal/engine", "internal/render", "internal/sqltext", "internal/term", "internal/transfer", "internal/lineedit", "internal/completion", "internal/syscmd"},
		"internal/transfer":    {"internal/engine", "internal/render", "internal/sqltext"},
		"internal/engine":      {"internal/sqlfuncs", "internal/timezone"},
		"internal/sqlfuncs":    {"internal/sqltext", "internal/syscmd", "internal/sqlar"},
		"internal/sqlar":       nil,
		"internal/timezone":    nil,
		"internal/render":      nil,
		"internal/sqltext":     nil,
		"internal/term":        nil,
		"internal/imageconfig": nil,
		"internal/lineedit":    nil,
		"internal/completion":  nil,
		"internal/syscmd":      nil,
		"internal/ptytest":     nil,
	}
	seen := map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(path))
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			own, ok := strings.CutPrefix(p, mod)
			if !ok {
				continue
			}
			if own == "internal/shell" && dir != "." {
				t.Errorf("%s imports the session; only main may", path)
			}
			if own == "internal/ptytest" {
				t.Errorf("%s imports ptytest; only tests may", path)
			}
			if want, ok := allowed[dir]; ok && !slices.Contains(want, own) {
				t.Errorf("%s imports %s: against the direction (allowed: %v)", path, own, want)
			}
		}
		seen[dir] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for dir := range allowed {
		if !seen[dir] {
			t.Errorf("no Go files in %s: update this test with the layout", dir)
		}
	}
	for dir := range seen {
		if _, ok := allowed[dir]; strings.HasPrefix(dir, "internal/") && !ok {
			t.Errorf("%s is not in the layout this test knows: add its allowed imports", dir)
		}
	}
}
