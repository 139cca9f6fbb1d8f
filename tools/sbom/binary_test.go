package main

// These tests run the SBOM generator on hello-sqlite binaries built from
// this repository with buildGoModule's flags (scripts/build-static), for the
// host architecture and for arm64, and compare what it writes with what
// `go version -m` and SQLite itself report.
//
// HELLO_SQLITE_BIN=path uses that binary instead of building (the Nix check
// phase, where scripts/ and the network are absent, passes its own build).
// HELLO_SQLITE_BIN_ARM64=path adds the arm64 one: scripts/test builds both
// once per run and passes them, because building them is nearly all of this
// package's time (the Wasm-translated SQLite package compiled again for
// -trimpath and for arm64), not the tests.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// binaries maps GOARCH to a built hello-sqlite; set up by TestMain.
var binaries = map[string]string{}

func TestMain(m *testing.M) {
	code, err := setup(m)
	if err != nil {
		fmt.Fprintf(os.Stderr, "sbom tests: %v\n", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func setup(m *testing.M) (int, error) {
	if bin := os.Getenv("HELLO_SQLITE_BIN"); bin != "" {
		binaries[runtime.GOARCH] = bin
		if arm := os.Getenv("HELLO_SQLITE_BIN_ARM64"); arm != "" {
			binaries["arm64"] = arm
		}
		return m.Run(), nil
	}
	dir, err := os.MkdirTemp("", "sbom-test-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	// Both at once: each is mostly one long single-package compile.
	archs := []string{runtime.GOARCH, "arm64"}
	errs := make([]error, len(archs))
	var wg sync.WaitGroup
	for i, arch := range archs {
		out := filepath.Join(dir, "hello-sqlite-"+arch)
		binaries[arch] = out
		wg.Go(func() {
			cmd := exec.Command("bash", "../../scripts/build-static", out, arch)
			if msg, err := cmd.CombinedOutput(); err != nil {
				errs[i] = fmt.Errorf("scripts/build-static %s: %v\n%s", arch, err, msg)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return 0, err
	}
	return m.Run(), nil
}

// generate runs the command as a user would and decodes its output.
func generate(t *testing.T, bin string, args ...string) (*spdxDocument, []byte) {
	t.Helper()
	var out bytes.Buffer
	env := func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "315532800" // what Nix's stdenv sets
		}
		return ""
	}
	if err := run(append(args, bin), &out, env); err != nil {
		t.Fatalf("sbom %s: %v", bin, err)
	}
	var doc spdxDocument
	dec := json.NewDecoder(bytes.NewReader(out.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("sbom %s: output is not the expected JSON: %v", bin, err)
	}
	return &doc, out.Bytes()
}

// goVersionM is what `go version -m` says a binary holds.
type goVersionM struct {
	goVersion, mainPath string
	modules             []string // path@version of the deps, after replacement
	settings            map[string]string
}

func readGoVersionM(t *testing.T, bin string) goVersionM {
	t.Helper()
	out, err := exec.Command("go", "version", "-m", bin).Output()
	if err != nil {
		t.Fatalf("go version -m %s: %v (the go command is needed for this test)", bin, err)
	}
	r := goVersionM{settings: map[string]string{}}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	_, r.goVersion, _ = strings.Cut(lines[0], ": ")
	for _, line := range lines[1:] {
		f := strings.Split(strings.TrimPrefix(line, "\t"), "\t")
		switch f[0] {
		case "path":
			r.mainPath = f[1]
		case "dep":
			r.modules = append(r.modules, f[1]+"@"+f[2])
		case "=>": // replaces the dep above it
			r.modules[len(r.modules)-1] = f[1] + "@" + f[2]
		case "build":
			k, v, _ := strings.Cut(f[1], "=")
			r.settings[k] = v
		}
	}
	return r
}

func packageByID(doc *spdxDocument, id string) *spdxPackage {
	for i := range doc.Packages {
		if doc.Packages[i].SPDXID == id {
			return &doc.Packages[i]
		}
	}
	return nil
}

func purlOf(p *spdxPackage) string {
	for _, r := range p.ExternalRefs {
		if r.ReferenceType == "purl" {
			return r.ReferenceLocator
		}
	}
	return ""
}

// related lists the packages that id has the given relationship to.
func related(doc *spdxDocument, id, relationship string) []*spdxPackage {
	var ps []*spdxPackage
	for _, r := range doc.Relationships {
		if r.SPDXElementID == id && r.RelationshipType == relationship {
			ps = append(ps, packageByID(doc, r.RelatedSPDXElement))
		}
	}
	return ps
}

func TestModulesEqualGoVersionM(t *testing.T) {
	for arch, bin := range binaries {
		t.Run(arch, func(t *testing.T) {
			want := readGoVersionM(t, bin)
			doc, _ := generate(t, bin)
			if want.settings["GOARCH"] != arch {
				t.Fatalf("go version -m says GOARCH=%s, built for %s", want.settings["GOARCH"], arch)
			}
			app := related(doc, "SPDXRef-DOCUMENT", "DESCRIBES")
			if len(app) != 1 || app[0] == nil {
				t.Fatalf("document DESCRIBES %d packages, want 1", len(app))
			}
			if got := purlOf(app[0]); !strings.HasPrefix(got, "pkg:golang/"+want.mainPath+"@") {
				t.Errorf("application purl %q, want pkg:golang/%s@...", got, want.mainPath)
			}

			var modules []string
			var stdlib string
			for _, p := range related(doc, app[0].SPDXID, "STATIC_LINK") {
				if p == nil {
					t.Fatal("STATIC_LINK to a package that is not in the document")
				}
				if p.Name == "stdlib" {
					stdlib = p.VersionInfo
					continue
				}
				modules = append(modules, p.Name+"@"+p.VersionInfo)
				if purl := "pkg:golang/" + p.Name + "@" + p.VersionInfo; purlOf(p) != purl {
					t.Errorf("%s: purl %q, want %q", p.Name, purlOf(p), purl)
				}
			}
			slices.Sort(modules)
			slices.Sort(want.modules)
			if !slices.Equal(modules, want.modules) {
				t.Errorf("modules in the SBOM:\n  %s\ngo version -m:\n  %s", strings.Join(modules, "\n  "), strings.Join(want.modules, "\n  "))
			}
			if stdlib != want.goVersion {
				t.Errorf("stdlib version %q, go version -m says %q", stdlib, want.goVersion)
			}
			if !strings.Contains(app[0].Comment, "for linux/"+arch) {
				t.Errorf("application comment %q does not name linux/%s", app[0].Comment, arch)
			}
		})
	}
}

// goModRequire reads a required module's version from the repository's go.mod.
func goModRequire(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*(?:require\s+)?` + regexp.QuoteMeta(path) + `\s+(\S+)`).FindSubmatch(data)
	if m == nil {
		t.Fatalf("go.mod requires no %s", path)
	}
	return string(m[1])
}

func TestVersionsAgreeWithGoModAndSQLite(t *testing.T) {
	var sqlite []string // "version source-id" per architecture: must all agree
	for arch, bin := range binaries {
		t.Run(arch, func(t *testing.T) {
			doc, _ := generate(t, bin)
			for _, path := range []string{"github.com/ncruces/go-sqlite3", "github.com/ncruces/go-sqlite3-wasm/v6"} {
				want := goModRequire(t, path)
				p := packageByID(doc, "SPDXRef-Package-go-"+spdxIDPart(path+"-"+want))
				if p == nil || p.VersionInfo != want {
					t.Errorf("no package %s %s (go.mod's version) in the SBOM", path, want)
				}
			}

			sq := packageByID(doc, "SPDXRef-Package-sqlite")
			if sq == nil {
				t.Fatal("no SQLite package")
			}
			wantVersion, err := sqliteVersionFromModule(goModRequire(t, "github.com/ncruces/go-sqlite3-wasm/v6"))
			if err != nil {
				t.Fatal(err)
			}
			if sq.VersionInfo != wantVersion {
				t.Errorf("SQLite %s, go.mod's go-sqlite3-wasm encodes %s", sq.VersionInfo, wantVersion)
			}
			id := strings.TrimPrefix(sq.Comment, "sqlite_source_id(): ")
			cpe := fmt.Sprintf("cpe:2.3:a:sqlite:sqlite:%s:*:*:*:*:*:*:*", sq.VersionInfo)
			if !slices.ContainsFunc(sq.ExternalRefs, func(r spdxExternalRef) bool { return r.ReferenceLocator == cpe }) {
				t.Errorf("SQLite package lacks the CPE %s", cpe)
			}
			sqlite = append(sqlite, sq.VersionInfo+" "+id)

			if arch != runtime.GOARCH {
				return // scripts/test-arm64 compares the arm64 binary under qemu
			}
			// What SQLite itself says, through the shell.
			out, err := exec.Command(bin, ":memory:", "select sqlite_version()||' '||sqlite_source_id()").Output()
			if err != nil {
				t.Fatalf("%s: %v", bin, err)
			}
			if got, want := sq.VersionInfo+" "+id, strings.TrimSpace(string(out)); got != want {
				t.Errorf("SBOM says SQLite %q, the binary says %q", got, want)
			}
		})
	}
	slices.Sort(sqlite)
	if len(slices.Compact(sqlite)) != 1 {
		t.Errorf("the architectures disagree on SQLite: %q", sqlite)
	}
}

// TestVersionLineAgrees: `hello-sqlite -version` starts like the stock
// shell's line, "3.54.1 2026-10-16 14:45:20 <hash> (64-bit)", then names our
// own version. The SBOM made with the version of nix/image-config.json (as
// the Nix build passes it) must say the same on both counts.
func TestVersionLineAgrees(t *testing.T) {
	var config struct{ Version string }
	data, err := os.ReadFile("../../nix/image-config.json")
	if err == nil {
		err = json.Unmarshal(data, &config)
	}
	if err != nil || config.Version == "" {
		t.Fatalf("nix/image-config.json: no version (%v)", err)
	}
	bin := binaries[runtime.GOARCH]
	doc, _ := generate(t, bin, "-version", config.Version)
	sq := packageByID(doc, "SPDXRef-Package-sqlite")
	out, err := exec.Command(bin, "-version").CombinedOutput()
	if err != nil {
		t.Fatalf("%s -version: %v\n%s", bin, err, out)
	}
	want := sq.VersionInfo + " " + strings.TrimPrefix(sq.Comment, "sqlite_source_id(): ") + " "
	if !strings.HasPrefix(string(out), want) {
		t.Errorf("-version printed %q, want it to start with the SBOM's %q", out, want)
	}
	app := packageByID(doc, "SPDXRef-Package-hello-sqlite")
	if !regexp.MustCompile(`(?m)^hello-sqlite.* ` + regexp.QuoteMeta(app.VersionInfo) + `$`).Match(out) {
		t.Errorf("-version printed %q, want a line naming hello-sqlite %s", out, app.VersionInfo)
	}
}

func TestDocumentIsValidSPDX(t *testing.T) {
	for arch, bin := range binaries {
		t.Run(arch, func(t *testing.T) {
			doc, raw := generate(t, bin, "-version", "0.1.0", "-license", "MIT")
			var generic map[string]any
			if err := json.Unmarshal(raw, &generic); err != nil {
				t.Fatal(err)
			}
			for _, field := range []string{"spdxVersion", "dataLicense", "SPDXID", "name", "documentNamespace", "creationInfo", "packages", "relationships"} {
				if _, ok := generic[field]; !ok {
					t.Errorf("required field %s missing", field)
				}
			}
			if doc.SPDXVersion != "SPDX-2.3" || doc.DataLicense != "CC0-1.0" || doc.SPDXID != "SPDXRef-DOCUMENT" {
				t.Errorf("header %q %q %q", doc.SPDXVersion, doc.DataLicense, doc.SPDXID)
			}
			if doc.CreationInfo.Created != "1980-01-01T00:00:00Z" {
				t.Errorf("created %q, want SOURCE_DATE_EPOCH 315532800 as 1980-01-01T00:00:00Z", doc.CreationInfo.Created)
			}
			if len(doc.CreationInfo.Creators) == 0 || !strings.HasPrefix(doc.CreationInfo.Creators[0], "Tool: ") {
				t.Errorf("creators %q", doc.CreationInfo.Creators)
			}
			if !regexp.MustCompile(`^https://[^#\s]+$`).MatchString(doc.DocumentNamespace) {
				t.Errorf("documentNamespace %q is not a URI without #", doc.DocumentNamespace)
			}

			ids := map[string]bool{"SPDXRef-DOCUMENT": true}
			validID := regexp.MustCompile(`^SPDXRef-[A-Za-z0-9.-]+$`)
			for _, p := range doc.Packages {
				if !validID.MatchString(p.SPDXID) || ids[p.SPDXID] {
					t.Errorf("package SPDXID %q is malformed or repeated", p.SPDXID)
				}
				ids[p.SPDXID] = true
				if p.Name == "" || p.DownloadLocation == "" || p.VersionInfo == "" {
					t.Errorf("package %s lacks name, version or downloadLocation", p.SPDXID)
				}
				for _, r := range p.ExternalRefs {
					if strings.ContainsAny(r.ReferenceLocator, " \t") {
						t.Errorf("%s: locator %q has a space", p.SPDXID, r.ReferenceLocator)
					}
				}
			}
			for _, r := range doc.Relationships {
				if !ids[r.SPDXElementID] || !ids[r.RelatedSPDXElement] {
					t.Errorf("relationship %v names an element that does not exist", r)
				}
			}

			data, err := os.ReadFile(bin)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(data)
			app := packageByID(doc, "SPDXRef-Package-hello-sqlite")
			if app == nil || len(app.Checksums) != 1 || app.Checksums[0].ChecksumValue != hex.EncodeToString(sum[:]) {
				t.Errorf("application checksum is not the binary's sha256 %x", sum)
			}
			if app != nil && (app.VersionInfo != "0.1.0" || app.LicenseDeclared != "MIT" || purlOf(app) != "pkg:golang/github.com/hello-sqlite/hello-sqlite@v0.1.0") {
				t.Errorf("application version/license/purl %q %q %q do not follow -version and -license", app.VersionInfo, app.LicenseDeclared, purlOf(app))
			}
		})
	}
}

func TestReproducible(t *testing.T) {
	var namespaces []string
	for _, bin := range binaries {
		doc, first := generate(t, bin)
		_, second := generate(t, bin)
		if !bytes.Equal(first, second) {
			t.Errorf("%s: two runs differ", bin)
		}
		namespaces = append(namespaces, doc.DocumentNamespace)
	}
	if slices.Sort(namespaces); len(slices.Compact(namespaces)) != len(binaries) {
		t.Errorf("different binaries share a documentNamespace: %q", namespaces)
	}
}

// TestRejects: files that are not a hello-sqlite binary, or whose SQLite
// facts were damaged, give an error instead of a wrong SBOM.
func TestRejects(t *testing.T) {
	good, err := os.ReadFile(binaries[runtime.GOARCH])
	if err != nil {
		t.Fatal(err)
	}
	self, err := os.Executable() // a Go binary without SQLite
	if err != nil {
		t.Fatal(err)
	}
	id, err := findSourceID(good)
	if err != nil {
		t.Fatal(err)
	}
	version, _ := sqliteVersionFromModule(goModRequire(t, "github.com/ncruces/go-sqlite3-wasm/v6"))
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, path, err string
	}{
		{"missing file", filepath.Join(dir, "nothing"), "no such file"},
		{"not a Go binary", write("text", []byte("#!/bin/sh\necho 55\n")), "not a Go binary"},
		{"Go binary without SQLite", self, "no github.com/ncruces/go-sqlite3-wasm module"},
		{"source id removed", write("no-id", bytes.ReplaceAll(good, []byte(id), bytes.Repeat([]byte("x"), len(id)))), "no SQLite source id"},
		{"version string removed", write("no-version", bytes.ReplaceAll(good, []byte("\x00"+version+"\x00"), []byte("\x00"+strings.Repeat("x", len(version))+"\x00"))), "holds no such version string"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		err := run([]string{tt.path}, &out, func(string) string { return "" })
		if err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.err)
		}
		if out.Len() != 0 {
			t.Errorf("%s: wrote %d bytes despite the error", tt.name, out.Len())
		}
	}
}
