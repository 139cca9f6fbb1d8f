package main

import (
	"archive/tar"
	"debug/elf"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckArchive(t *testing.T) {
	want := expectationFor(testConfig, "", "amd64")
	staticBin := fakeELF(elf.EM_X86_64, false, "")
	bin := func(b []byte) []tarEntry {
		return []tarEntry{{name: "./", typeflag: tar.TypeDir, mode: 0o755}, {name: "./hello-sqlite", typeflag: tar.TypeReg, mode: 0o555, body: b}}
	}
	cfgWith := func(s *archiveSpec, key string, v any) {
		inner := map[string]any{}
		for k, x := range s.config["config"].(map[string]any) {
			inner[k] = x
		}
		inner[key] = v
		s.config["config"] = inner
	}
	tests := []struct {
		name    string
		mutate  func(s *archiveSpec)
		wantErr string // "" = must pass
	}{
		{"good gzip'd", func(s *archiveSpec) {}, ""},
		{"good plain tar", func(s *archiveSpec) { s.gzip = false }, ""},
		{"layer without root dir entry", func(s *archiveSpec) { s.layers[0] = s.layers[0][1:] }, ""},
		{"two files", func(s *archiveSpec) {
			s.layers[0] = append(s.layers[0], tarEntry{name: "./etc/passwd", typeflag: tar.TypeReg, mode: 0o644, body: []byte("x")})
		}, "layer holds /etc/passwd"},
		{"an extra directory", func(s *archiveSpec) {
			s.layers[0] = append(s.layers[0], tarEntry{name: "./tmp/", typeflag: tar.TypeDir, mode: 0o1777})
		}, "layer holds /tmp"},
		{"two layers", func(s *archiveSpec) {
			s.layers = append(s.layers, []tarEntry{{name: "extra", typeflag: tar.TypeReg, mode: 0o644, body: []byte("y")}})
		}, "2 layers"},
		{"store path inside", func(s *archiveSpec) {
			s.layers[0] = append(s.layers[0], tarEntry{name: "./nix/store/0123456789abcdfghijklmnpqrsvwxyz-tzdata/x", typeflag: tar.TypeReg, mode: 0o444, body: []byte("z")})
		}, "no /nix may be inside"},
		{"store path string in the binary", func(s *archiveSpec) {
			s.layers[0] = bin(fakeELF(elf.EM_X86_64, false, "\x00/nix/store/0123456789abcdfghijklmnpqrsvwxyz-tzdata-2025b/share/zoneinfo/\x00"))
		}, "contains a /nix/store path"},
		{"dynamic binary", func(s *archiveSpec) { s.layers[0] = bin(fakeELF(elf.EM_X86_64, true, "")) }, "ELF interpreter"},
		{"not an ELF", func(s *archiveSpec) { s.layers[0] = bin([]byte("#!/bin/sh\necho 55\n")) }, "not an ELF"},
		{"binary for another CPU", func(s *archiveSpec) { s.layers[0] = bin(fakeELF(elf.EM_AARCH64, false, "")) }, "ELF machine"},
		{"not executable", func(s *archiveSpec) { s.layers[0][1].mode = 0o444 }, "not executable"},
		{"a symlink instead of the file", func(s *archiveSpec) {
			s.layers[0][1] = tarEntry{name: "./hello-sqlite", typeflag: tar.TypeSymlink, mode: 0o777, body: []byte("/nix/store/x/bin/hello-sqlite")}
		}, "not a regular file"},
		{"file missing", func(s *archiveSpec) {
			s.layers[0][1] = tarEntry{name: "./bin/hello-sqlite", typeflag: tar.TypeReg, mode: 0o555, body: staticBin}
		}, "lacks /hello-sqlite"},
		{"wrong tag", func(s *archiveSpec) { s.repoTags = []string{"hello-sqlite:latest"} }, "RepoTags"},
		{"no tag", func(s *archiveSpec) { s.repoTags = nil }, "RepoTags"},
		{"wrong architecture", func(s *archiveSpec) { s.config["architecture"] = "arm64" }, "architecture"},
		{"created now", func(s *archiveSpec) { s.config["created"] = "2026-11-28T02:00:00Z" }, "created"},
		{"entrypoint is a store path", func(s *archiveSpec) {
			cfgWith(s, "Entrypoint", []string{"/nix/store/0123456789abcdfghijklmnpqrsvwxyz-hello-sqlite/bin/hello-sqlite"})
		}, "store path"},
		{"root user", func(s *archiveSpec) { cfgWith(s, "User", "") }, "User"},
		{"a Cmd", func(s *archiveSpec) { cfgWith(s, "Cmd", []string{"/bin/sh"}) }, "Cmd"},
		{"unexpected Env", func(s *archiveSpec) { cfgWith(s, "Env", []string{"PATH=/bin"}) }, "Env"},
		{"missing label", func(s *archiveSpec) { cfgWith(s, "Labels", map[string]string{}) }, "label org.opencontainers.image"},
		{"diff_id mismatch", func(s *archiveSpec) {
			s.config["rootfs"] = map[string]any{"diff_ids": []string{"sha256:00"}}
		}, "diff_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := goodSpec()
			tt.mutate(&s)
			problems := checkArchive(buildArchive(t, s), want)
			if tt.wantErr == "" {
				if len(problems) != 0 {
					t.Fatalf("good archive rejected: %q", problems)
				}
				return
			}
			if !strings.Contains(strings.Join(problems, "\n"), tt.wantErr) {
				t.Fatalf("want a problem mentioning %q, got %q", tt.wantErr, problems)
			}
		})
	}
}

func TestCheckArchiveGarbage(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("not a tar"), {0x1f, 0x8b, 0, 0}} {
		if len(checkArchive(data, expectationFor(testConfig, "", "amd64"))) == 0 {
			t.Errorf("%q accepted", data)
		}
	}
}

func TestExpectationFromRepositoryConfig(t *testing.T) {
	cfg, err := readImageConfig("../../nix/image-config.json")
	if err != nil {
		t.Fatal(err)
	}
	w := expectationFor(cfg, "", "arm64")
	if w.RepoTag != cfg.Name+":"+cfg.Version || w.File != "hello-sqlite" || w.Architecture != "arm64" {
		t.Errorf("expectation %+v", w)
	}
	if w.Labels["org.opencontainers.image.version"] != cfg.Version {
		t.Errorf("version label %q", w.Labels["org.opencontainers.image.version"])
	}
	if w.Created == "" {
		t.Error("image-config.json must fix `created`")
	}
}

func TestRunExitCodes(t *testing.T) {
	var out, errb strings.Builder
	if code := run([]string{}, &out, &errb); code != 2 {
		t.Errorf("no args: exit %d, want 2", code)
	}
	if code := run([]string{"-binary", "/nonexistent"}, &out, &errb); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}

// TestRunName: -name replaces the config's image name in the expected
// RepoTags (the full build's image is hello-sqlite-full:VERSION).
func TestRunName(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "image-config.json")
	cfg, err := json.Marshal(map[string]any{
		"name": "hello-sqlite", "version": "0.1.0", "created": "1970-01-01T00:00:01Z",
		"entrypoint": []string{"/hello-sqlite"}, "user": "65534:65534", "workingDir": "/", "env": []string{},
		"labels": map[string]string{"org.opencontainers.image.title": "hello-sqlite"},
	})
	if err != nil {
		t.Fatal(err)
	}
	s := goodSpec()
	s.repoTags = []string{"hello-sqlite-full:0.1.0"}
	archive := filepath.Join(dir, "full.tar.gz")
	for path, data := range map[string][]byte{cfgPath: cfg, archive: buildArchive(t, s)} {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"-arch", "amd64", "-name", "hello-sqlite-full"}, 0},
		{[]string{"-arch", "amd64"}, 1},
		{[]string{"-arch", "amd64", "-name", "hello-sqlite-fts"}, 1},
	} {
		var out, errb strings.Builder
		args := append(append([]string{"-config", cfgPath}, tt.args...), archive)
		if code := run(args, &out, &errb); code != tt.code {
			t.Errorf("imagecheck %q: exit %d, want %d; stderr %q", tt.args, code, tt.code, errb.String())
		}
	}
}
