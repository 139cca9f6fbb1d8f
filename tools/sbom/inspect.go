package main

import (
	"bytes"
	"crypto/sha256"
	"debug/buildinfo"
	"encoding/hex"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
)

// binaryFacts is everything the SBOM records, read from the binary's bytes
// only: it is never executed, so a cross-built arm64 binary works too.
type binaryFacts struct {
	SHA256 string
	Build  *debug.BuildInfo
	SQLite sqliteFacts
}

// inspect reads the Go build information and the SQLite facts of a binary.
func inspect(path string) (*binaryFacts, error) {
	bin, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	info, err := buildinfo.Read(bytes.NewReader(bin))
	if err != nil {
		return nil, fmt.Errorf("%s: not a Go binary with build information: %w", path, err)
	}
	sum := sha256.Sum256(bin)
	facts := &binaryFacts{SHA256: hex.EncodeToString(sum[:]), Build: info}

	mod := findModule(info, wasmModule)
	if mod == nil {
		return nil, fmt.Errorf("%s: no %s module: not a binary with SQLite from ncruces/go-sqlite3", path, wasmModule)
	}
	version, err := sqliteVersionFromModule(mod.Version)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !hasVersionString(bin, version) {
		return nil, fmt.Errorf("%s: module %s@%s should carry SQLite %s, but the binary holds no such version string", path, mod.Path, mod.Version, version)
	}
	id, err := findSourceID(bin)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	facts.SQLite = sqliteFacts{Version: version, SourceID: id, Module: mod.Path + "@" + mod.Version}
	return facts, nil
}

// findModule returns the dependency whose path is prefix or prefix/vN,
// after replacements (what was really compiled in).
func findModule(info *debug.BuildInfo, prefix string) *debug.Module {
	for _, d := range info.Deps {
		m := effective(d)
		if d.Path == prefix || strings.HasPrefix(d.Path, prefix+"/v") {
			return m
		}
	}
	return nil
}

// effective is the module that was built: the replacement if there is one.
func effective(m *debug.Module) *debug.Module {
	if m.Replace != nil {
		return m.Replace
	}
	return m
}
