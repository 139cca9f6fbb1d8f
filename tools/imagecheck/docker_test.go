//go:build docker

package main

// The checker against archives the real Docker engine writes: one-file
// images made with `docker import` from a tar holding only the static binary
// (what nix/image.nix makes, minus Nix), `docker save | gzip`, and wrong
// images it must reject. Run: go test -tags docker ./tools/imagecheck/

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const testRepo = "hello-sqlite-imagecheck-test"

func needDocker(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("docker"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("docker is not installed (needed by the imagecheck Docker test)")
		}
		t.Skip("docker not installed")
	}
	if out, err := exec.Command("docker", "version").CombinedOutput(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("docker engine not reachable: %v\n%s", err, out)
		}
		t.Skipf("docker engine not reachable: %v", err)
	}
}

func docker(t *testing.T, stdin []byte, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("docker", args...)
	cmd.Env = append(os.Environ(), "DOCKER_BUILDKIT=0")
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("docker %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out
}

// buildStatic builds hello-sqlite with scripts/build-static (buildGoModule's flags).
func buildStatic(t *testing.T) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "hello-sqlite")
	cmd := exec.Command(filepath.Join("..", "..", "scripts", "build-static"), out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("scripts/build-static: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// importImage makes a one-layer image from files with image-config.json's
// settings, saves it and returns the gzip'd archive and its created time.
func importImage(t *testing.T, cfg imageConfig, tag string, files []tarEntry) ([]byte, string) {
	t.Helper()
	ref := testRepo + ":" + tag
	changes := []string{
		fmt.Sprintf(`ENTRYPOINT ["%s"]`, strings.Join(cfg.Entrypoint, `", "`)),
		"USER " + cfg.User,
		"WORKDIR " + cfg.WorkingDir,
		fmt.Sprintf(`LABEL "org.opencontainers.image.version"="%s"`, cfg.Version),
	}
	for k, v := range cfg.Labels {
		changes = append(changes, fmt.Sprintf(`LABEL "%s"="%s"`, k, v))
	}
	for _, e := range cfg.Env {
		changes = append(changes, "ENV "+e)
	}
	args := []string{"import"}
	for _, c := range changes {
		args = append(args, "--change", c)
	}
	args = append(args, "-", ref)
	docker(t, makeTar(t, files), args...)
	t.Cleanup(func() { exec.Command("docker", "rmi", "-f", ref).Run() })
	return saveImage(t, ref)
}

func saveImage(t *testing.T, ref string) ([]byte, string) {
	t.Helper()
	plain := docker(t, nil, "save", ref)
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(plain)
	zw.Close()
	created := strings.TrimSpace(string(docker(t, nil, "image", "inspect", "-f", "{{.Created}}", ref)))
	return z.Bytes(), created
}

func TestDockerArchives(t *testing.T) {
	needDocker(t)
	cfg, err := readImageConfig("../../nix/image-config.json")
	if err != nil {
		t.Fatal(err)
	}
	bin := buildStatic(t)
	dynamic, err := os.ReadFile("/bin/true")
	if err != nil {
		t.Fatal(err)
	}
	file := func(name string, mode int64, body []byte) tarEntry {
		return tarEntry{name: name, typeflag: tar.TypeReg, mode: mode, body: body}
	}
	one := file("hello-sqlite", 0o555, bin)

	// The good image: docker run prints 55 and the checker passes it.
	good, created := importImage(t, cfg, "good", []tarEntry{one})
	if out := strings.TrimSpace(string(docker(t, nil, "run", "--rm", testRepo+":good"))); out != "55" {
		t.Fatalf("docker run printed %q, want 55", out)
	}
	want := expectationFor(cfg, "good", runtime.GOARCH)
	want.RepoTag = testRepo + ":good"
	want.Created = created // docker import stamps the current time
	if p := checkArchive(good, want); len(p) != 0 {
		t.Fatalf("good docker-save archive rejected: %q", p)
	}
	// The fixed `created` of the Nix image is checked: docker's is not it.
	fixed := want
	fixed.Created = cfg.Created
	if p := checkArchive(good, fixed); !strings.Contains(strings.Join(p, "\n"), "created") {
		t.Errorf("a docker-import archive passed the fixed-created check: %q", p)
	}

	// A second layer on top of the good image.
	ctx := t.TempDir()
	os.WriteFile(filepath.Join(ctx, "Dockerfile"), []byte("FROM "+testRepo+":good\nCOPY extra /extra\n"), 0o644)
	os.WriteFile(filepath.Join(ctx, "extra"), []byte("x"), 0o644)
	docker(t, nil, "build", "-q", "-t", testRepo+":twolayers", ctx)
	t.Cleanup(func() { exec.Command("docker", "rmi", "-f", testRepo+":twolayers").Run() })
	twoLayers, twoCreated := saveImage(t, testRepo+":twolayers")

	withStorePath := append(append([]byte{}, bin...), []byte("\x00/nix/store/0123456789abcdfghijklmnpqrsvwxyz-tzdata-2025b/share/zoneinfo/\x00")...)
	bad := []struct {
		name, tag string
		files     []tarEntry
		want      string
	}{
		{"two files", "twofiles", []tarEntry{one, file("etc/passwd", 0o644, []byte("root:x:0:0::/:/\n"))}, "layer holds /etc"},
		{"a store path inside", "storepath", []tarEntry{one, file("nix/store/0123456789abcdfghijklmnpqrsvwxyz-tzdata-2025b/share/zoneinfo/UTC", 0o444, []byte("TZif"))}, "no /nix may be inside"},
		{"a store path in the binary", "storestring", []tarEntry{file("hello-sqlite", 0o555, withStorePath)}, "contains a /nix/store path"},
		{"a dynamic binary", "dynamic", []tarEntry{file("hello-sqlite", 0o555, dynamic)}, "ELF interpreter"},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			archive, created := importImage(t, cfg, b.tag, b.files)
			w := want
			w.RepoTag = testRepo + ":" + b.tag
			w.Created = created
			p := checkArchive(archive, w)
			if !strings.Contains(strings.Join(p, "\n"), b.want) {
				t.Fatalf("want a problem mentioning %q, got %q", b.want, p)
			}
		})
	}
	t.Run("two layers", func(t *testing.T) {
		w := want
		w.RepoTag = testRepo + ":twolayers"
		w.Created = twoCreated
		if p := checkArchive(twoLayers, w); !strings.Contains(strings.Join(p, "\n"), "2 layers") {
			t.Fatalf("two-layer archive: %q", p)
		}
	})
}
