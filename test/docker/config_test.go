//go:build docker

package dockertest

import (
	"encoding/json"
	"path/filepath"

	"github.com/hello-sqlite/hello-sqlite/internal/imageconfig"
)

// imageConfig is nix/image-config.json (internal/imageconfig): the one place
// that both nix/image.nix and these tests read the image's name, version and
// runtime config from, so the image tested here and the image Nix builds
// cannot drift apart.
type imageConfig = imageconfig.Config

// repoRoot is the repository's top folder: go test runs in test/docker.
func repoRoot() string {
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		panic(err)
	}
	return dir
}

func readImageConfig() (imageConfig, error) {
	return imageconfig.Read(filepath.Join(repoRoot(), "nix", "image-config.json"))
}

// dockerConfig is the image config (the "config" object of the image JSON)
// that nix/image.nix passes to dockerTools.buildImage: keys as Docker spells them.
func dockerConfig(c imageConfig) map[string]any {
	env := c.Env
	if env == nil {
		env = []string{}
	}
	return map[string]any{
		"Entrypoint": c.Entrypoint,
		"User":       c.User,
		"WorkingDir": c.WorkingDir,
		"Env":        env,
		"Labels":     c.ImageLabels(),
	}
}

// importChanges is the same config as `docker import --change` instructions.
func importChanges(c imageConfig) []string {
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	ep, _ := json.Marshal(c.Entrypoint)
	changes := []string{"ENTRYPOINT " + string(ep), "USER " + c.User}
	if c.WorkingDir != "" {
		changes = append(changes, "WORKDIR "+c.WorkingDir)
	}
	for _, e := range c.Env {
		changes = append(changes, "ENV "+e)
	}
	for k, v := range c.ImageLabels() {
		changes = append(changes, "LABEL "+q(k)+"="+q(v))
	}
	return changes
}
