package main

import (
	"encoding/json"
	"fmt"
	"os"
)

// imageConfig is nix/image-config.json: the single statement of what the
// image promises, read by nix/image.nix (via builtins.fromJSON) and here.
type imageConfig struct {
	Name       string            `json:"name"`
	Version    string            `json:"version"`
	Created    string            `json:"created"`
	Entrypoint []string          `json:"entrypoint"`
	User       string            `json:"user"`
	WorkingDir string            `json:"workingDir"`
	Env        []string          `json:"env"`
	Labels     map[string]string `json:"labels"`
}

// expectation is what one archive must satisfy.
type expectation struct {
	RepoTag      string // name:tag that `docker load` prints
	Architecture string // GOARCH name: amd64, arm64
	Created      string
	Entrypoint   []string
	User         string
	WorkingDir   string
	Env          []string
	Labels       map[string]string // must be present with these values
	File         string            // the one file of the layer, without leading "/"
}

func readImageConfig(path string) (imageConfig, error) {
	var c imageConfig
	data, err := os.ReadFile(path)
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return c, fmt.Errorf("%s: %v", path, err)
	}
	if c.Name == "" || c.Version == "" || len(c.Entrypoint) == 0 {
		return c, fmt.Errorf("%s: name, version and entrypoint are required", path)
	}
	return c, nil
}

// expectationFor derives the expectation nix/image.nix builds from c.
func expectationFor(c imageConfig, tag, arch string) expectation {
	if tag == "" {
		tag = c.Version
	}
	labels := map[string]string{"org.opencontainers.image.version": c.Version}
	for k, v := range c.Labels {
		labels[k] = v
	}
	return expectation{
		RepoTag:      c.Name + ":" + tag,
		Architecture: arch,
		Created:      c.Created,
		Entrypoint:   c.Entrypoint,
		User:         c.User,
		WorkingDir:   c.WorkingDir,
		Env:          c.Env,
		Labels:       labels,
		File:         trimRoot(c.Entrypoint[0]),
	}
}
