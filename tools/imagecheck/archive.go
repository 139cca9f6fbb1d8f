package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
)

// readTar loads every regular file of a (possibly gzip'd) tar into memory,
// keyed by its cleaned name. Docker archives of this image are a few MB.
func readTar(data []byte) (map[string][]byte, []*tar.Header, error) {
	var r io.Reader = bytes.NewReader(data)
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, nil, err
		}
		r = zr
	}
	files := map[string][]byte{}
	var headers []*tar.Header
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("reading tar: %v", err)
		}
		headers = append(headers, h)
		if h.Typeflag == tar.TypeReg {
			b, err := io.ReadAll(tr)
			if err != nil {
				return nil, nil, err
			}
			files[trimRoot(h.Name)] = b
		}
	}
	return files, headers, nil
}

// trimRoot turns "./a/b", "/a/b" and "a/b/" into "a/b"; the root itself becomes "".
func trimRoot(name string) string {
	name = strings.TrimPrefix(name, "./")
	name = strings.Trim(name, "/")
	if name == "." {
		return ""
	}
	return name
}
