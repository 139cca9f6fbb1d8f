package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"testing"
)

// fakeELF builds a minimal 64-bit little-endian ELF executable: a header and
// one PT_LOAD, plus a PT_INTERP when dynamic. Enough for debug/elf.
func fakeELF(machine elf.Machine, dynamic bool, extra string) []byte {
	var b bytes.Buffer
	nprog := 1
	if dynamic {
		nprog = 2
	}
	ident := [16]byte{0x7f, 'E', 'L', 'F', byte(elf.ELFCLASS64), byte(elf.ELFDATA2LSB), byte(elf.EV_CURRENT)}
	hdr := elf.Header64{
		Ident: ident, Type: uint16(elf.ET_EXEC), Machine: uint16(machine), Version: uint32(elf.EV_CURRENT),
		Entry: 0x400000, Phoff: 64, Ehsize: 64, Phentsize: 56, Phnum: uint16(nprog),
	}
	binary.Write(&b, binary.LittleEndian, hdr)
	binary.Write(&b, binary.LittleEndian, elf.Prog64{Type: uint32(elf.PT_LOAD), Flags: uint32(elf.PF_R | elf.PF_X), Vaddr: 0x400000, Filesz: 4096, Memsz: 4096, Align: 4096})
	if dynamic {
		binary.Write(&b, binary.LittleEndian, elf.Prog64{Type: uint32(elf.PT_INTERP), Flags: uint32(elf.PF_R), Off: 400, Filesz: 28, Memsz: 28, Align: 1})
	}
	b.WriteString(extra)
	return b.Bytes()
}

type tarEntry struct {
	name     string
	typeflag byte
	mode     int64
	body     []byte
}

func makeTar(t *testing.T, entries []tarEntry) []byte {
	t.Helper()
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	for _, e := range entries {
		h := &tar.Header{Name: e.name, Typeflag: e.typeflag, Mode: e.mode, Size: int64(len(e.body))}
		if e.typeflag == tar.TypeDir || e.typeflag == tar.TypeSymlink {
			h.Size = 0
		}
		if e.typeflag == tar.TypeSymlink {
			h.Linkname = string(e.body)
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if h.Size > 0 {
			tw.Write(e.body)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// testConfig mirrors nix/image-config.json's shape.
var testConfig = imageConfig{
	Name: "hello-sqlite", Version: "0.1.0", Created: "1970-01-01T00:00:01Z",
	Entrypoint: []string{"/hello-sqlite"}, User: "65534:65534", WorkingDir: "/",
	Labels: map[string]string{"org.opencontainers.image.title": "hello-sqlite"},
}

// archiveSpec describes a docker-archive as nix/image.nix would make it;
// tests mutate one field to make a wrong one.
type archiveSpec struct {
	repoTags []string
	config   map[string]any
	layers   [][]tarEntry
	gzip     bool
}

func goodSpec() archiveSpec {
	return archiveSpec{
		repoTags: []string{"hello-sqlite:0.1.0"},
		config: map[string]any{
			"architecture": "amd64", "os": "linux", "created": "1970-01-01T00:00:01Z",
			"config": map[string]any{
				"Entrypoint": []string{"/hello-sqlite"}, "User": "65534:65534", "WorkingDir": "/",
				"Env":    []string{},
				"Labels": map[string]string{"org.opencontainers.image.title": "hello-sqlite", "org.opencontainers.image.version": "0.1.0"},
			},
		},
		layers: [][]tarEntry{{
			{name: "./", typeflag: tar.TypeDir, mode: 0o755},
			{name: "./hello-sqlite", typeflag: tar.TypeReg, mode: 0o555, body: fakeELF(elf.EM_X86_64, false, "")},
		}},
		gzip: true,
	}
}

func buildArchive(t *testing.T, s archiveSpec) []byte {
	t.Helper()
	var entries []tarEntry
	var layerNames, diffIDs []string
	for i, l := range s.layers {
		data := makeTar(t, l)
		sum := sha256.Sum256(data)
		id := hex.EncodeToString(sum[:])
		name := id + "/layer.tar"
		if i > 0 && id == hex.EncodeToString(sha256.New().Sum(nil)) {
			name = "x" + name
		}
		entries = append(entries, tarEntry{name: name, typeflag: tar.TypeReg, mode: 0o444, body: data})
		layerNames = append(layerNames, name)
		diffIDs = append(diffIDs, "sha256:"+id)
	}
	cfg := map[string]any{}
	for k, v := range s.config {
		cfg[k] = v
	}
	if _, ok := cfg["rootfs"]; !ok {
		cfg["rootfs"] = map[string]any{"type": "layers", "diff_ids": diffIDs}
	}
	cfgJSON, _ := json.Marshal(cfg)
	cfgSum := sha256.Sum256(cfgJSON)
	cfgName := hex.EncodeToString(cfgSum[:]) + ".json"
	manifest, _ := json.Marshal([]map[string]any{{"Config": cfgName, "RepoTags": s.repoTags, "Layers": layerNames}})
	entries = append(entries,
		tarEntry{name: cfgName, typeflag: tar.TypeReg, mode: 0o444, body: cfgJSON},
		tarEntry{name: "manifest.json", typeflag: tar.TypeReg, mode: 0o444, body: manifest})
	data := makeTar(t, entries)
	if !s.gzip {
		return data
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(data)
	zw.Close()
	return z.Bytes()
}
