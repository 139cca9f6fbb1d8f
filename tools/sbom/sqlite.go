package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// wasmModule is the module that carries SQLite, translated from Wasm to Go.
// Its patch number encodes the SQLite version: v6.5.35401 is SQLite 3.54.1.
const wasmModule = "github.com/ncruces/go-sqlite3-wasm"

// sqliteFacts is what an SBOM says about the SQLite inside a binary.
type sqliteFacts struct {
	Version  string // "3.54.1", as sqlite_version() returns it
	SourceID string // "2026-10-16 14:45:20 555e...", as sqlite_source_id() returns it
	Module   string // the module path and version it came from
}

// sqliteVersionFromModule decodes the SQLite version from the module
// version of go-sqlite3-wasm, whose patch number is
// major*10000 + minor*100 + patch: v6.5.35401 carries SQLite 3.54.1.
// inspect confirms the result against the version string in the binary.
func sqliteVersionFromModule(v string) (string, error) {
	core, _, _ := strings.Cut(strings.TrimPrefix(v, "v"), "-")
	core, _, _ = strings.Cut(core, "+")
	parts := strings.Split(core, ".")
	if !strings.HasPrefix(v, "v") || len(parts) != 3 {
		return "", fmt.Errorf("module version %q is not vMAJOR.MINOR.PATCH", v)
	}
	n, err := strconv.Atoi(parts[2])
	if err != nil || n < 30000 || n > 39999 {
		return "", fmt.Errorf("module version %q: patch number does not encode a SQLite 3 version", v)
	}
	return fmt.Sprintf("%d.%d.%d", n/10000, n/100%100, n%100), nil
}

// sourceIDPattern matches SQLITE_SOURCE_ID as a NUL-terminated C string in
// the Wasm data segment: date, time, and a 64-character SHA3-256 check-in
// hash whose last four characters SQLite replaces (e.g. "alt1") when the
// source was modified.
var sourceIDPattern = regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [0-9a-f]{60}[0-9a-z]{4}\x00`)

// sourceIDLen is the length of a match, NUL included; sourceIDColon the
// offset of its first ':', a fixed byte to search for (the regexp alone, with
// no literal to look for, took most of a second per scan of a binary).
const (
	sourceIDLen   = len("2026-10-16 14:45:20 ") + 64 + 1
	sourceIDColon = len("2026-10-16 14")
)

// findSourceID returns the one SQLite source id stored in a binary.
// Reading it from the bytes, instead of running the binary, works for any
// target architecture and inside the Nix build sandbox.
func findSourceID(bin []byte) (string, error) {
	seen := map[string]bool{}
	var ids []string
	for at := 0; ; at++ {
		i := bytes.IndexByte(bin[at:], ':')
		if i < 0 {
			break
		}
		at += i
		start := at - sourceIDColon
		if start < 0 || start+sourceIDLen > len(bin) || !sourceIDPattern.Match(bin[start:start+sourceIDLen]) {
			continue
		}
		if start > 0 && bin[start-1] != 0 {
			continue // part of a longer string, not the constant
		}
		if id := string(bin[start : start+sourceIDLen-1]); !seen[id] { // without the closing NUL
			seen[id] = true
			ids = append(ids, id)
		}
	}
	switch len(ids) {
	case 0:
		return "", fmt.Errorf("no SQLite source id found in the binary")
	case 1:
		return ids[0], nil
	}
	return "", fmt.Errorf("several SQLite source ids in the binary: %s", strings.Join(ids, ", "))
}

// hasVersionString reports whether the binary holds sqlite3_version[] (the
// version as a NUL-terminated C string), which confirms the decoding of the
// module version above.
//
// The string ends in NUL, but what comes before it is whatever the linker put
// there (often a Go string, with no NUL), so only a digit or a dot before it
// would make it another version (13.54.1, 3.3.54.1).
func hasVersionString(bin []byte, version string) bool {
	want := []byte(version + "\x00")
	for i := 0; ; {
		j := bytes.Index(bin[i:], want)
		if j < 0 {
			return false
		}
		at := i + j
		if at == 0 || !(bin[at-1] == '.' || bin[at-1] >= '0' && bin[at-1] <= '9') {
			return true
		}
		i = at + 1
	}
}
