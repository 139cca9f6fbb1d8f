//go:build docker

package dockertest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// imageConfig is nix/image-config.json: the one place that both nix/image.nix
// and these tests read the image's name, version and runtime config from, so
// the image tested here and the image Nix builds cannot drift apart.
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

// repoRoot is the repository's top folder: go test runs in test/docker.
func repoRoot() string {
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		panic(err)
	}
	return dir
}

func readImageConfig() (imageConfig, error) {
	var c imageConfig
	path := filepath.Join(repoRoot(), "nix", "image-config.json")
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

// dockerConfig is the image config (the "config" object of the image JSON)
// that nix/image.nix passes to dockerTools.buildImage: keys as Docker spells them.
func (c imageConfig) dockerConfig() map[string]any {
	env := c.Env
	if env == nil {
		env = []string{}
	}
	return map[string]any{
		"Entrypoint": c.Entrypoint,
		"User":       c.User,
		"WorkingDir": c.WorkingDir,
		"Env":        env,
		"Labels":     c.labels(),
	}
}

// labels are the image's labels as nix/image.nix sets them: those of the
// file, plus org.opencontainers.image.version from its version.
func (c imageConfig) labels() map[string]string {
	l := map[string]string{"org.opencontainers.image.version": c.Version}
	for k, v := range c.Labels {
		l[k] = v
	}
	return l
}

// importChanges is the same config as `docker import --change` instructions.
func (c imageConfig) importChanges() []string {
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	ep, _ := json.Marshal(c.Entrypoint)
	changes := []string{"ENTRYPOINT " + string(ep), "USER " + c.User}
	if c.WorkingDir != "" {
		changes = append(changes, "WORKDIR "+c.WorkingDir)
	}
	for _, e := range c.Env {
		changes = append(changes, "ENV "+e)
	}
	for k, v := range c.labels() {
		changes = append(changes, "LABEL "+q(k)+"="+q(v))
	}
	return changes
}
