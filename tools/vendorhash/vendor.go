package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// vendorHashKeep recomputes buildGoModule's vendorHash for the repository
// at root: copy the Nix source selection to a fresh directory, run `go mod
// vendor` there as the goModules fixed-output derivation does, and hash the
// resulting vendor/ folder as a NAR. When keep is not empty, the vendored
// source copy is left in keep (which must not exist) for further checks.
func vendorHashKeep(root, keep string) (string, error) {
	sel, err := readSelection(filepath.Join(root, "nix", "go-source.json"))
	if err != nil {
		return "", err
	}
	files, err := selectedFiles(root, sel)
	if err != nil {
		return "", err
	}
	for _, f := range files {
		if f == "vendor" || strings.HasPrefix(f, "vendor"+string(filepath.Separator)) {
			// The goModules derivation stops with exit 10 in this case.
			return "", fmt.Errorf("the Nix source holds vendor/: buildGoModule refuses it unless vendorHash = null")
		}
	}
	tmp, err := os.MkdirTemp("", "vendorhash-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	src := filepath.Join(tmp, "source")
	if keep != "" {
		src = keep
	}
	if err := copySelection(root, src, files); err != nil {
		return "", err
	}
	cmd := exec.Command("go", "mod", "vendor")
	cmd.Dir = src
	// The derivation's environment: modules on, the local toolchain only,
	// no workspace. -mod=mod so a vendor-mode GOFLAGS from the caller's
	// environment cannot interfere; `go mod vendor` ignores it anyway.
	cmd.Env = append(os.Environ(),
		"GO111MODULE=on", "GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go mod vendor: %v\n%s", err, out)
	}
	vendor := filepath.Join(src, "vendor")
	if entries, err := os.ReadDir(vendor); err != nil || len(entries) == 0 {
		// buildGoModule: "vendor folder is empty, please set 'vendorHash = null;'"
		return "", fmt.Errorf("go mod vendor produced no vendor/ folder: the package needs vendorHash = null")
	}
	return narHashSRI(vendor)
}
