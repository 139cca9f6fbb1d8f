package main

import (
	"fmt"
	"regexp"
)

// vendorHashLine finds the one `vendorHash = "sha256-...";` in a Nix file.
var vendorHashLine = regexp.MustCompile(`(?m)^(\s*vendorHash\s*=\s*")([^"]*)(";)`)

// readVendorHash returns the vendorHash written in a Nix file's text.
func readVendorHash(text []byte) (string, error) {
	m := vendorHashLine.FindAllSubmatch(text, -1)
	if len(m) != 1 {
		return "", fmt.Errorf("expected exactly one `vendorHash = \"...\";` line, found %d", len(m))
	}
	return string(m[0][2]), nil
}

// replaceVendorHash returns text with its vendorHash set to hash.
func replaceVendorHash(text []byte, hash string) ([]byte, error) {
	if _, err := readVendorHash(text); err != nil {
		return nil, err
	}
	return vendorHashLine.ReplaceAll(text, []byte("${1}"+hash+"${3}")), nil
}
