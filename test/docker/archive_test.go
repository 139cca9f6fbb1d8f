//go:build docker

package dockertest

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"runtime"
	"sort"
	"strings"
)

// writeDockerArchive writes, gzip'd, the docker-archive that
// dockerTools.buildImage makes (pkgs/build-support/docker/default.nix, no
// fromImage): <layerID>/{VERSION,json,layer.tar}, <sha256 of config>.json,
// manifest.json and repositories, in name order, owned by root, read-only,
// with SOURCE_DATE_EPOCH mtimes. The layer ID is the sha256 of the layer's
// json, the config file name the sha256 of the config text, as there.
func writeDockerArchive(w io.Writer, layer []byte, cfg imageConfig, repoTag string) error {
	sum := func(b []byte) string { h := sha256.Sum256(b); return hex.EncodeToString(h[:]) }
	pretty := func(v any) []byte { b, _ := json.MarshalIndent(v, "", "  "); return append(b, '\n') }

	// baseJson: builtins.toJSON { inherit created config; architecture; os; }.
	base := map[string]any{
		"architecture": runtime.GOARCH,
		"config":       dockerConfig(cfg),
		"created":      cfg.Created,
		"os":           "linux",
	}
	layerJSON := map[string]any{}
	for k, v := range base {
		layerJSON[k] = v
	}
	layerID := sum(pretty(layerJSON))
	layerJSON["id"], layerJSON["Size"] = layerID, len(layer)

	image := map[string]any{}
	for k, v := range base {
		image[k] = v
	}
	image["rootfs"] = map[string]any{"diff_ids": []string{"sha256:" + sum(layer)}, "type": "layers"}
	image["history"] = []map[string]string{{"created": cfg.Created}}
	imageText := pretty(image)
	configName := sum(imageText) + ".json"

	manifest := []map[string]any{{
		"RepoTags": []string{repoTag},
		"Layers":   []string{layerID + "/layer.tar"},
		"Config":   configName,
	}}
	name, tag, _ := strings.Cut(repoTag, ":")
	repositories := map[string]map[string]string{name: {tag: layerID}}

	files := map[string][]byte{
		layerID + "/VERSION":   []byte("1.0"),
		layerID + "/json":      pretty(layerJSON),
		layerID + "/layer.tar": layer,
		configName:             imageText,
		"manifest.json":        pretty(manifest),
		"repositories":         pretty(repositories),
	}
	names := []string{layerID + "/"}
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)

	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	tw := tar.NewWriter(zw)
	for _, n := range names {
		h := &tar.Header{Name: n, ModTime: sourceDateEpoch, Format: tar.FormatGNU}
		if strings.HasSuffix(n, "/") {
			h.Typeflag, h.Mode = tar.TypeDir, 0o555
		} else {
			h.Typeflag, h.Mode, h.Size = tar.TypeReg, 0o444, int64(len(files[n]))
		}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := io.Copy(tw, bytes.NewReader(files[n])); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return zw.Close()
}
