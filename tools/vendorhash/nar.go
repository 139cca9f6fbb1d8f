package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// NAR ("Nix ARchive") is the serialisation Nix hashes for fixed-output
// derivations with outputHashMode = "recursive", which is what
// buildGoModule's goModules derivation is: vendorHash is the SRI sha256 of
// the NAR of the vendor/ folder. The format keeps only what Nix keeps:
// entry names (sorted bytewise), file contents, the executable bit and
// symlink targets - no mtimes, owners or other permission bits.

// narHashSRI returns "sha256-<base64>" of the NAR serialisation of path.
func narHashSRI(path string) (string, error) {
	h := sha256.New()
	if err := writeNAR(h, path); err != nil {
		return "", err
	}
	return "sha256-" + base64.StdEncoding.EncodeToString(h.Sum(nil)), nil
}

// writeNAR writes the NAR serialisation of path (file, symlink or directory) to w.
func writeNAR(w io.Writer, path string) error {
	n := narWriter{w: w}
	n.str("nix-archive-1")
	n.node(path)
	return n.err
}

type narWriter struct {
	w   io.Writer
	err error
}

// str writes one NAR string: little-endian uint64 length, bytes, zero padding to 8.
func (n *narWriter) str(s string) {
	n.bytes([]byte(s))
}

func (n *narWriter) bytes(b []byte) {
	if n.err != nil {
		return
	}
	var hdr [8]byte
	binary.LittleEndian.PutUint64(hdr[:], uint64(len(b)))
	pad := make([]byte, (8-len(b)%8)%8)
	for _, part := range [][]byte{hdr[:], b, pad} {
		if _, err := n.w.Write(part); err != nil {
			n.err = err
			return
		}
	}
}

func (n *narWriter) node(path string) {
	if n.err != nil {
		return
	}
	fi, err := os.Lstat(path)
	if err != nil {
		n.err = err
		return
	}
	n.str("(")
	n.str("type")
	switch {
	case fi.Mode().IsRegular():
		n.str("regular")
		if fi.Mode()&0o100 != 0 { // Nix looks at the owner's execute bit only
			n.str("executable")
			n.str("")
		}
		n.str("contents")
		data, err := os.ReadFile(path)
		if err != nil {
			n.err = err
			return
		}
		n.bytes(data)
	case fi.Mode()&os.ModeSymlink != 0:
		target, err := os.Readlink(path)
		if err != nil {
			n.err = err
			return
		}
		n.str("symlink")
		n.str("target")
		n.str(target)
	case fi.IsDir():
		n.str("directory")
		entries, err := os.ReadDir(path)
		if err != nil {
			n.err = err
			return
		}
		names := make([]string, 0, len(entries))
		for _, e := range entries {
			names = append(names, e.Name())
		}
		sort.Strings(names) // bytewise, as Nix sorts
		for _, name := range names {
			n.str("entry")
			n.str("(")
			n.str("name")
			n.str(name)
			n.str("node")
			n.node(filepath.Join(path, name))
			n.str(")")
		}
	default:
		n.err = fmt.Errorf("%s: NAR cannot hold a %s", path, fi.Mode().Type())
		return
	}
	n.str(")")
}
