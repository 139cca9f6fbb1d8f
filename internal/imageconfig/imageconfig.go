// Package imageconfig reads nix/image-config.json: the one statement of what
// the image promises (name, version, entrypoint, user, env, labels), read by
// nix/image.nix through builtins.fromJSON, by tools/imagecheck and by the
// Docker tests, so the image Nix builds and the images tested here cannot
// drift apart.
package imageconfig

import (
	"encoding/json"
	"fmt"
	"os"
)

// Config is nix/image-config.json.
type Config struct {
	Name       string            `json:"name"`
	Version    string            `json:"version"`
	Created    string            `json:"created"`
	Entrypoint []string          `json:"entrypoint"`
	User       string            `json:"user"`
	WorkingDir string            `json:"workingDir"`
	Env        []string          `json:"env"`
	Labels     map[string]string `json:"labels"`
}

// Read reads and checks the file at path.
func Read(path string) (Config, error) {
	var c Config
	data, err := os.ReadFile(path)
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return c, fmt.Errorf("%s: %w", path, err)
	}
	if c.Created == "" {
		c.Created = "1970-01-01T00:00:01Z" // dockerTools.buildImage's default
	}
	if c.Name == "" || c.Version == "" || len(c.Entrypoint) == 0 || c.User == "" {
		return c, fmt.Errorf("%s: name, version, entrypoint and user are required", path)
	}
	return c, nil
}

// ImageLabels are the image's labels as nix/image.nix sets them: those of
// the file, plus org.opencontainers.image.version from its version.
func (c Config) ImageLabels() map[string]string {
	l := map[string]string{"org.opencontainers.image.version": c.Version}
	for k, v := range c.Labels {
		l[k] = v
	}
	return l
}
