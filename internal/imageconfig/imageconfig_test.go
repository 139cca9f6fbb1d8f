package imageconfig

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadRepositoryConfig(t *testing.T) {
	c, err := Read(filepath.Join("..", "..", "nix", "image-config.json"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "hello-sqlite" || c.User != "65534:65534" || len(c.Entrypoint) != 1 || c.Entrypoint[0] != "/hello-sqlite" {
		t.Errorf("unexpected image config: %+v", c)
	}
	if got := c.ImageLabels()["org.opencontainers.image.version"]; got != c.Version {
		t.Errorf("version label %q, want %q", got, c.Version)
	}
}

func TestReadRejects(t *testing.T) {
	for name, text := range map[string]string{
		"not JSON":      "{",
		"no name":       `{"version":"1","entrypoint":["/x"],"user":"1:1"}`,
		"no entrypoint": `{"name":"x","version":"1","user":"1:1"}`,
		"no user":       `{"name":"x","version":"1","entrypoint":["/x"]}`,
	} {
		path := filepath.Join(t.TempDir(), "c.json")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(path); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
