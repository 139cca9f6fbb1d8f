package main

import (
	"github.com/hello-sqlite/hello-sqlite/internal/imageconfig"
)

// imageConfig is nix/image-config.json (see internal/imageconfig).
type imageConfig = imageconfig.Config

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

func readImageConfig(path string) (imageConfig, error) { return imageconfig.Read(path) }

// expectationFor derives the expectation nix/image.nix builds from c.
func expectationFor(c imageConfig, tag, arch string) expectation {
	if tag == "" {
		tag = c.Version
	}
	labels := c.ImageLabels()
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
