//go:build docker

package dockertest

import (
	"archive/tar"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"
)

// inspected is the part of docker image inspect that the contract fixes.
type inspected struct {
	Architecture, Os, Created string
	Config                    struct {
		Entrypoint []string
		Cmd        []string
		User       string
		WorkingDir string
		Env        []string
		Labels     map[string]string
	}
	RootFS struct{ Layers []string }
}

func inspectImage(t *testing.T, ref string) inspected {
	t.Helper()
	var v []inspected
	if err := json.Unmarshal([]byte(mustDocker(t, "image", "inspect", ref)), &v); err != nil || len(v) != 1 {
		t.Fatalf("docker image inspect %s: %v", ref, err)
	}
	return v[0]
}

// TestImageConfig: both ways of making the image give the config of
// nix/image-config.json, one layer, and (for the archive) Nix's fixed date.
func TestImageConfig(t *testing.T) {
	f := needImage(t)
	for _, ref := range []string{f.imported, f.loaded} {
		t.Run(ref[strings.LastIndex(ref, "-")+1:], func(t *testing.T) {
			got := inspectImage(t, ref)
			c := got.Config
			if !reflect.DeepEqual(c.Entrypoint, f.cfg.Entrypoint) {
				t.Errorf("Entrypoint %q, want %q", c.Entrypoint, f.cfg.Entrypoint)
			}
			if c.Cmd != nil {
				t.Errorf("Cmd %q, want none: arguments go to the entrypoint", c.Cmd)
			}
			if c.User != f.cfg.User {
				t.Errorf("User %q, want %q", c.User, f.cfg.User)
			}
			if c.WorkingDir != f.cfg.WorkingDir {
				t.Errorf("WorkingDir %q, want %q", c.WorkingDir, f.cfg.WorkingDir)
			}
			if len(c.Env) != 0 || len(f.cfg.Env) != 0 {
				if !reflect.DeepEqual(c.Env, f.cfg.Env) {
					t.Errorf("Env %q, want %q", c.Env, f.cfg.Env)
				}
			}
			if want := f.cfg.ImageLabels(); !reflect.DeepEqual(c.Labels, want) {
				t.Errorf("Labels %v, want %v", c.Labels, want)
			}
			if got.Os != "linux" || got.Architecture != runtime.GOARCH {
				t.Errorf("platform %s/%s, want linux/%s", got.Os, got.Architecture, runtime.GOARCH)
			}
			if len(got.RootFS.Layers) != 1 {
				t.Errorf("%d layers, want 1", len(got.RootFS.Layers))
			}
			if ref == f.loaded && !strings.HasPrefix(got.Created, strings.TrimSuffix(f.cfg.Created, "Z")) {
				t.Errorf("Created %q, want the fixed %s", got.Created, f.cfg.Created)
			}
		})
	}
}

// TestImageHoldsOnlyTheBinary: docker save the loaded image and list its
// layer: /hello-sqlite, executable, owned by root, and nothing else.
func TestImageHoldsOnlyTheBinary(t *testing.T) {
	f := needImage(t)
	saved := filepath.Join(t.TempDir(), "saved.tar")
	mustDocker(t, "save", "-o", saved, f.loaded)
	files := readTar(t, saved)
	var manifest []struct{ Layers []string }
	if err := json.Unmarshal(files["manifest.json"].body, &manifest); err != nil || len(manifest) != 1 {
		t.Fatalf("docker save manifest.json: %v", err)
	}
	if len(manifest[0].Layers) != 1 {
		t.Fatalf("layers %q, want one", manifest[0].Layers)
	}
	layer := files[manifest[0].Layers[0]]
	tmp := filepath.Join(t.TempDir(), "layer.tar")
	if err := os.WriteFile(tmp, layer.body, 0o644); err != nil {
		t.Fatal(err)
	}
	var names []string
	for name, e := range readTar(t, tmp) {
		name = strings.Trim(strings.TrimPrefix(name, "./"), "/")
		if name == "" || name == "." {
			continue // the root folder itself
		}
		names = append(names, name)
		if name == "hello-sqlite" {
			if e.hdr.Uid != 0 || e.hdr.Gid != 0 || e.hdr.Mode&0o777 != 0o555 {
				t.Errorf("/hello-sqlite: uid %d gid %d mode %o, want 0 0 555", e.hdr.Uid, e.hdr.Gid, e.hdr.Mode&0o777)
			}
		}
	}
	sort.Strings(names)
	if !reflect.DeepEqual(names, []string{"hello-sqlite"}) {
		t.Errorf("layer holds %q, want only hello-sqlite", names)
	}
	t.Logf("image size as docker images reports it: %s", mustDocker(t, "images", "--format", "{{.Size}}", f.loaded))
}

// TestDockerLoad: docker load < docker-image-hello-sqlite.tar.gz prints the
// name it loaded: the run's unique tag, and the promised hello-sqlite:<version>.
func TestDockerLoad(t *testing.T) {
	f := needImage(t)
	t.Run("unique_tag", func(t *testing.T) {
		if want := "Loaded image: " + f.loaded + "\n"; f.loadOutput != want {
			t.Errorf("docker load printed %q, want %q", f.loadOutput, want)
		}
	})
	t.Run("promised_name", func(t *testing.T) {
		ref := f.promised()
		// Leave a hello-sqlite:<version> that was there before as it was.
		before := docker(nil, "image", "inspect", "-f", "{{.Id}}", ref)
		t.Cleanup(func() {
			if before.code == 0 {
				docker(nil, "tag", strings.TrimSpace(before.stdout), ref)
			} else {
				docker(nil, "rmi", ref) // only the tag: the run's tags share the image
			}
		})
		out, err := f.load(ref)
		if err != nil {
			t.Fatal(err)
		}
		want := "Loaded image: " + ref + "\n"
		if old := strings.TrimSpace(before.stdout); before.code == 0 && old != imageID(t, ref) {
			// Another image had the name (a Nix-built one, or another run's):
			// the engine says it moves the name, and cleanup gives it back.
			want = "The image " + ref + " already exists, renaming the old one with ID " + old + " to empty string\n" + want
		}
		if out != want {
			t.Errorf("docker load printed %q, want %q", out, want)
		}
		expectOK(t, f.run(t, ctr{image: ref}), "55\n")
	})
}

// imageID is the id of the image ref names.
func imageID(t *testing.T, ref string) string {
	t.Helper()
	return mustDocker(t, "image", "inspect", "-f", "{{.Id}}", ref)
}

type tarEntry struct {
	hdr  *tar.Header
	body []byte
}

func readTar(t *testing.T, path string) map[string]tarEntry {
	t.Helper()
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	files := map[string]tarEntry{}
	tr := tar.NewReader(in)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		body, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		files[h.Name] = tarEntry{h, body}
	}
}
