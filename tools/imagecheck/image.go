package main

import (
	"archive/tar"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// manifestEntry is one element of a docker-archive's manifest.json.
type manifestEntry struct {
	Config   string
	RepoTags []string
	Layers   []string
}

// imageJSON is the part of the image config (the file manifest.json's
// Config names) this checker looks at.
type imageJSON struct {
	Architecture string `json:"architecture"`
	OS           string `json:"os"`
	Created      string `json:"created"`
	Config       struct {
		Entrypoint []string          `json:"Entrypoint"`
		Cmd        []string          `json:"Cmd"`
		User       string            `json:"User"`
		WorkingDir string            `json:"WorkingDir"`
		Env        []string          `json:"Env"`
		Labels     map[string]string `json:"Labels"`
	} `json:"config"`
	RootFS struct {
		DiffIDs []string `json:"diff_ids"`
	} `json:"rootfs"`
}

// checkArchive returns every way a docker-archive (docker save / nix build
// .#image) breaks the promise "one layer, holding only the static binary,
// configured as image-config.json says". Empty means it passes.
func checkArchive(data []byte, want expectation) []string {
	files, _, err := readTar(data)
	if err != nil {
		return []string{err.Error()}
	}
	var manifest []manifestEntry
	if err := json.Unmarshal(files["manifest.json"], &manifest); err != nil {
		return []string{fmt.Sprintf("manifest.json: %v", err)}
	}
	if len(manifest) != 1 {
		return []string{fmt.Sprintf("manifest.json holds %d images, want 1", len(manifest))}
	}
	m := manifest[0]
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	if want.RepoTag != "" && !reflect.DeepEqual(m.RepoTags, []string{want.RepoTag}) {
		bad("RepoTags %q, want [%q]", m.RepoTags, want.RepoTag)
	}
	var cfg imageJSON
	if err := json.Unmarshal(files[trimRoot(m.Config)], &cfg); err != nil {
		bad("image config %s: %v", m.Config, err)
	}
	problems = append(problems, checkConfig(cfg, want)...)

	if len(m.Layers) != 1 {
		bad("%d layers, want exactly 1", len(m.Layers))
		return problems
	}
	layer, ok := files[trimRoot(m.Layers[0])]
	if !ok {
		bad("layer %s is missing from the archive", m.Layers[0])
		return problems
	}
	if len(cfg.RootFS.DiffIDs) == 1 {
		sum := sha256.Sum256(layer)
		if got := "sha256:" + hex.EncodeToString(sum[:]); got != cfg.RootFS.DiffIDs[0] {
			bad("layer sha256 %s differs from the config's diff_id %s", got, cfg.RootFS.DiffIDs[0])
		}
	} else {
		bad("config lists %d diff_ids, want 1", len(cfg.RootFS.DiffIDs))
	}
	return append(problems, checkLayer(layer, want)...)
}

func checkConfig(cfg imageJSON, want expectation) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if want.Architecture != "" && cfg.Architecture != want.Architecture {
		bad("architecture %q, want %q", cfg.Architecture, want.Architecture)
	}
	if cfg.OS != "linux" {
		bad("os %q, want linux", cfg.OS)
	}
	if want.Created != "" && cfg.Created != want.Created {
		bad("created %q, want the fixed %q", cfg.Created, want.Created)
	}
	if !reflect.DeepEqual(cfg.Config.Entrypoint, want.Entrypoint) {
		bad("Entrypoint %q, want %q", cfg.Config.Entrypoint, want.Entrypoint)
	}
	for _, e := range cfg.Config.Entrypoint {
		if strings.HasPrefix(e, "/nix/") {
			bad("Entrypoint names a store path %q: that drags its closure into the image", e)
		}
	}
	if len(cfg.Config.Cmd) != 0 {
		bad("Cmd %q, want none (arguments come from docker run)", cfg.Config.Cmd)
	}
	if cfg.Config.User != want.User {
		bad("User %q, want %q", cfg.Config.User, want.User)
	}
	if want.WorkingDir != "" && cfg.Config.WorkingDir != want.WorkingDir {
		bad("WorkingDir %q, want %q", cfg.Config.WorkingDir, want.WorkingDir)
	}
	if len(cfg.Config.Env) != 0 || len(want.Env) != 0 {
		if !reflect.DeepEqual(cfg.Config.Env, want.Env) {
			bad("Env %q, want %q", cfg.Config.Env, want.Env)
		}
	}
	for k, v := range want.Labels {
		if got, ok := cfg.Config.Labels[k]; !ok || got != v {
			bad("label %s = %q, want %q", k, got, v)
		}
	}
	return problems
}

// checkLayer accepts exactly one entry besides the layer's root directory:
// the regular, executable, static file want.File.
func checkLayer(layer []byte, want expectation) []string {
	files, headers, err := readTar(layer)
	if err != nil {
		return []string{"layer: " + err.Error()}
	}
	var problems []string
	var found bool
	for _, h := range headers {
		name := trimRoot(h.Name)
		switch {
		case name == "" && h.Typeflag == tar.TypeDir:
			// the root directory entry ("./") that `tar -C layer .` writes
		case name == "nix" || strings.HasPrefix(name, "nix/"):
			problems = append(problems, fmt.Sprintf("layer holds /%s: no /nix may be inside the image", name))
		case name == want.File:
			found = true
			if h.Typeflag != tar.TypeReg {
				problems = append(problems, fmt.Sprintf("/%s is not a regular file (tar type %q)", name, h.Typeflag))
			} else if h.Mode&0o111 == 0 {
				problems = append(problems, fmt.Sprintf("/%s is not executable (mode %o)", name, h.Mode))
			}
		default:
			problems = append(problems, fmt.Sprintf("layer holds /%s: only /%s may be there", name, want.File))
		}
	}
	if !found {
		return append(problems, fmt.Sprintf("layer lacks /%s", want.File))
	}
	if bin, ok := files[want.File]; ok {
		for _, p := range checkBinary(bin, want.Architecture) {
			problems = append(problems, "/"+want.File+": "+p)
		}
	}
	return problems
}
