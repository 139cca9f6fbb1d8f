package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPackageVendorHashIsCurrent fails whenever go.mod/go.sum (or the Nix
// source selection) change without nix/package.nix's vendorHash following.
// It runs `go mod vendor`, which needs the module cache or the Go proxy.
func TestPackageVendorHashIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go mod vendor")
	}
	root := filepath.Join("..", "..")
	text, err := os.ReadFile(filepath.Join(root, "nix", "package.nix"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := readVendorHash(text)
	if err != nil {
		t.Fatal(err)
	}
	got, err := vendorHashKeep(root, "")
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("nix/package.nix vendorHash = %s, go.mod/go.sum give %s; run: go run ./tools/vendorhash -write nix/package.nix", want, got)
	}
}
