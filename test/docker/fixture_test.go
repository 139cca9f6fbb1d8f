//go:build docker

package dockertest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// fixture is what every test shares: the binary, and the images made from it
// once per run.
type fixture struct {
	tags string // build tags: "full" for the second image, hello-sqlite-full

	once     sync.Once
	err      error // the setup failed: every test fails with it
	noDocker error // the engine is not reachable: skip, or fail under CI

	cfg        imageConfig
	dir        string // temp folder: binary, layer, archive
	binary     string
	layer      []byte // the image's one layer: a tar holding only ./hello-sqlite
	imported   string // image made by docker import --change
	loaded     string // image made by docker load < docker-archive (unique tag)
	loadOutput string // what that docker load printed

	mu     sync.Mutex
	images []string // tags this run made, removed at the end

	busyboxOnce sync.Once
	busybox     string // local stand-in for the busybox image, for volume init
	busyboxErr  error
}

var (
	suite     fixture
	fullSuite = fixture{tags: "full"}
)

// needImage returns the shared fixture, setting it up on first use. Without a
// Docker engine it skips, except under CI (CI=true), where it fails.
func needImage(t *testing.T) *fixture { return suite.need(t) }

// needFullImage is needImage for the -tags full build's image
// (hello-sqlite-full, flake output image-full).
func needFullImage(t *testing.T) *fixture { return fullSuite.need(t) }

func (f *fixture) need(t *testing.T) *fixture {
	t.Helper()
	f.once.Do(f.setup)
	if f.noDocker != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("docker: %v (CI=true: the container tests must run)", f.noDocker)
		}
		t.Skipf("docker: %v", f.noDocker)
	}
	if f.err != nil {
		t.Fatalf("setup: %v", f.err)
	}
	return f
}

func (f *fixture) setup() {
	if _, err := exec.LookPath("docker"); err != nil {
		f.noDocker = fmt.Errorf("docker CLI not found: %v", err)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "docker", "version", "--format", "{{.Server.Version}}").CombinedOutput(); err != nil {
		f.noDocker = fmt.Errorf("engine not reachable: %v: %s", err, bytes.TrimSpace(out))
		return
	}
	f.err = f.build()
}

func (f *fixture) build() error {
	var err error
	if f.cfg, err = readImageConfig(); err != nil {
		return err
	}
	if f.tags != "" {
		// flake.nix names the second image after its tag: hello-sqlite-full.
		f.cfg.Name += "-" + f.tags
	}
	sweepStale(f.cfg.Name)
	if f.dir, err = os.MkdirTemp("", "hello-sqlite-docker-"); err != nil {
		return err
	}
	f.binary = filepath.Join(f.dir, "hello-sqlite")
	if prebuilt := os.Getenv("HELLO_SQLITE_TEST_BINARY"); prebuilt != "" && f.tags == "" {
		// For working on these tests while the tree does not build; never in CI.
		if os.Getenv("CI") == "true" {
			return fmt.Errorf("HELLO_SQLITE_TEST_BINARY is set under CI: the binary must be built from the tree")
		}
		f.binary = prebuilt
	} else {
		build := exec.Command(filepath.Join(repoRoot(), "scripts", "build-static"), f.binary)
		build.Dir = repoRoot()
		build.Env = append(os.Environ(), "TAGS="+f.tags)
		if out, err := build.CombinedOutput(); err != nil {
			return fmt.Errorf("scripts/build-static: %v\n%s", err, out)
		}
	}
	bin, err := os.ReadFile(f.binary)
	if err != nil {
		return err
	}
	if f.layer, err = rootfsLayer(bin); err != nil {
		return err
	}

	// docker import: the quick way to get the layer plus config.
	f.imported = f.tag("import")
	args := []string{"import"}
	for _, c := range importChanges(f.cfg) {
		args = append(args, "--change", c)
	}
	args = append(args, "-", f.imported)
	if r := docker(bytes.NewReader(f.layer), args...); r.code != 0 {
		return fmt.Errorf("docker import: %v", r)
	}
	f.addImage(f.imported)

	// docker load < docker-archive.tar.gz: the way users get the image.
	f.loaded = f.tag("load")
	f.loadOutput, err = f.load(f.loaded)
	return err
}

// tag is a run-unique image reference, hello-sqlite:<version>-test-<run>-<what>.
func (f *fixture) tag(what string) string {
	return fmt.Sprintf("%s:%s-test-%s-%s", f.cfg.Name, f.cfg.Version, runID, what)
}

// promised is the name users get from docker load: hello-sqlite:<version>.
func (f *fixture) promised() string { return f.cfg.Name + ":" + f.cfg.Version }

func (f *fixture) addImage(ref string) {
	f.mu.Lock()
	f.images = append(f.images, ref)
	f.mu.Unlock()
}

// load writes the docker-archive as Nix would for repoTag, runs
// docker load < it and returns what docker load printed.
func (f *fixture) load(repoTag string) (string, error) {
	var archive bytes.Buffer
	if err := writeDockerArchive(&archive, f.layer, f.cfg, repoTag); err != nil {
		return "", err
	}
	path := filepath.Join(f.dir, "docker-image-"+f.cfg.Name+".tar.gz")
	if err := os.WriteFile(path, archive.Bytes(), 0o644); err != nil {
		return "", err
	}
	in, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer in.Close()
	r := docker(in, "load")
	if r.code != 0 {
		return "", fmt.Errorf("docker load: %v", r)
	}
	if repoTag != f.promised() {
		f.addImage(repoTag)
	}
	return r.stdout, nil
}

// cleanup removes every image tag, container and volume of this run, also
// those of tests that failed half-way.
func (f *fixture) cleanup() {
	removeLabelled(runLabel + "=" + runID)
	for _, img := range f.images {
		docker(nil, "rmi", "-f", img)
	}
	if f.busybox != "" {
		docker(nil, "rmi", "-f", f.busybox)
	}
	if f.dir != "" {
		os.RemoveAll(f.dir)
	}
}

// removeLabelled removes the containers and volumes carrying label (k=v or k).
func removeLabelled(label string) {
	if ids := strings.Fields(docker(nil, "ps", "-aq", "--filter", "label="+label).stdout); len(ids) > 0 {
		docker(nil, append([]string{"rm", "-f"}, ids...)...)
	}
	if vols := strings.Fields(docker(nil, "volume", "ls", "-q", "--filter", "label="+label).stdout); len(vols) > 0 {
		docker(nil, append([]string{"volume", "rm", "-f"}, vols...)...)
	}
}
