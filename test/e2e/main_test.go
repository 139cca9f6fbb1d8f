//go:build e2e

// Package e2e runs the hello-sqlite binary, built as Nix builds it, end to
// end: against the stock sqlite3 shell, in an empty root, under signals and
// crashes. Run with: go test -tags e2e ./test/e2e/...
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// bin is the hello-sqlite binary under test, built by TestMain with
// scripts/build-static (buildGoModule's flags).
var bin string

// repoRoot is the top of the repository.
var repoRoot string

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	_, file, _, _ := runtime.Caller(0)
	repoRoot = filepath.Join(filepath.Dir(file), "..", "..")
	dir, err := os.MkdirTemp("", "hello-sqlite-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin = filepath.Join(dir, "hello-sqlite")
	build := exec.Command(filepath.Join(repoRoot, "scripts", "build-static"), bin)
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building hello-sqlite:", err)
		return 1
	}
	return m.Run()
}

// inCI reports whether a missing tool must fail the test instead of
// skipping it.
func inCI() bool { return os.Getenv("CI") == "true" }

// need skips (or, in CI, fails) the test when a tool is missing.
func need(t testing.TB, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if inCI() {
		t.Fatalf("%s is missing (CI installs it in .ci/run)", what)
	}
	t.Skipf("%s is missing", what)
}

// stockSQLite3 returns the command that runs the stock sqlite3 shell of a
// current SQLite (3.53+): $STOCK_SQLITE3, or ../shared/bin/stock-sqlite3
// beside the repository.
func stockSQLite3(t testing.TB) string {
	t.Helper()
	p := os.Getenv("STOCK_SQLITE3")
	if p == "" {
		p = filepath.Join(repoRoot, "..", "shared", "bin", "stock-sqlite3")
	}
	_, err := os.Stat(p)
	need(t, err == nil, "the stock sqlite3 shell ("+p+")")
	return p
}
