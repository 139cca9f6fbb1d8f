//go:build docker

package dockertest

import (
	"archive/tar"
	"bytes"
	"time"
)

// sourceDateEpoch is nixpkgs' default SOURCE_DATE_EPOCH (1980-01-01), the
// mtime dockerTools gives every file it packs.
var sourceDateEpoch = time.Unix(315532800, 0)

// rootfsLayer is the image's one layer as dockerTools.buildImage's pure layer
// packs it (tar -C layer --sort=name --mtime=@$SOURCE_DATE_EPOCH --owner=0
// --group=0 .): the root folder and /hello-sqlite, read-only and executable
// as files in the Nix store are, and nothing else.
func rootfsLayer(binary []byte) ([]byte, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	entries := []struct {
		hdr  tar.Header
		body []byte
	}{
		{tar.Header{Typeflag: tar.TypeDir, Name: "./", Mode: 0o755}, nil},
		{tar.Header{Typeflag: tar.TypeReg, Name: "./hello-sqlite", Mode: 0o555, Size: int64(len(binary))}, binary},
	}
	for _, e := range entries {
		h := e.hdr
		h.ModTime, h.Uid, h.Gid, h.Format = sourceDateEpoch, 0, 0, tar.FormatGNU
		if err := tw.WriteHeader(&h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(e.body); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
