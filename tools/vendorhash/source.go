package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// sourceSelection is nix/go-source.json: which files of the repository reach
// the Nix build. nix/package.nix builds its lib.fileset from the same file, so
// the vendor/ computed here comes from exactly the source Nix vendors.
type sourceSelection struct {
	RootFileSuffixes []string `json:"rootFileSuffixes"`
	RootFiles        []string `json:"rootFiles"`
	OptionalRoot     []string `json:"optionalRootFiles"`
	Dirs             []string `json:"dirs"`
}

func readSelection(path string) (sourceSelection, error) {
	var sel sourceSelection
	data, err := os.ReadFile(path)
	if err != nil {
		return sel, err
	}
	if err := json.Unmarshal(data, &sel); err != nil {
		return sel, fmt.Errorf("%s: %v", path, err)
	}
	if len(sel.RootFiles) == 0 {
		return sel, fmt.Errorf("%s: rootFiles is empty", path)
	}
	return sel, nil
}

// selectedFiles lists, relative to root, the regular files the selection
// takes: top-level files by suffix or name (rootFiles must exist,
// optionalRootFiles may not), and everything below the listed directories
// (which may be missing, like lib.fileset.maybeMissing).
func selectedFiles(root string, sel sourceSelection) ([]string, error) {
	var out []string
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if contains(sel.RootFiles, e.Name()) || contains(sel.OptionalRoot, e.Name()) || hasAnySuffix(e.Name(), sel.RootFileSuffixes) {
			out = append(out, e.Name())
		}
	}
	for _, dir := range sel.Dirs {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() {
				rel, _ := filepath.Rel(root, p)
				out = append(out, rel)
			}
			return nil
		})
		if err != nil && !os.IsNotExist(err) {
			return nil, err
		}
	}
	for _, f := range sel.RootFiles {
		if !contains(out, f) {
			return nil, fmt.Errorf("%s: %s is missing", root, f)
		}
	}
	return out, nil
}

// copySelection copies the selected files of root into dst.
func copySelection(root, dst string, files []string) error {
	for _, rel := range files {
		if err := copyFile(filepath.Join(root, rel), filepath.Join(dst, rel)); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fi.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}
