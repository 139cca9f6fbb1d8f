package main

import (
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
	"time"
)

// The SPDX 2.3 JSON document, with the fields this tool fills in
// (spec: https://spdx.github.io/spdx-spec/v2.3/, schema: spdx-spec
// schemas/spdx-schema.json on branch support/2.3).
type spdxDocument struct {
	SPDXVersion       string             `json:"spdxVersion"`
	DataLicense       string             `json:"dataLicense"`
	SPDXID            string             `json:"SPDXID"`
	Name              string             `json:"name"`
	DocumentNamespace string             `json:"documentNamespace"`
	CreationInfo      spdxCreationInfo   `json:"creationInfo"`
	Packages          []spdxPackage      `json:"packages"`
	Relationships     []spdxRelationship `json:"relationships"`
}

type spdxCreationInfo struct {
	Created  string   `json:"created"`
	Creators []string `json:"creators"`
}

type spdxPackage struct {
	SPDXID                string            `json:"SPDXID"`
	Name                  string            `json:"name"`
	VersionInfo           string            `json:"versionInfo,omitempty"`
	Supplier              string            `json:"supplier"`
	DownloadLocation      string            `json:"downloadLocation"`
	FilesAnalyzed         bool              `json:"filesAnalyzed"`
	Checksums             []spdxChecksum    `json:"checksums,omitempty"`
	LicenseConcluded      string            `json:"licenseConcluded"`
	LicenseDeclared       string            `json:"licenseDeclared"`
	CopyrightText         string            `json:"copyrightText"`
	SourceInfo            string            `json:"sourceInfo,omitempty"`
	Comment               string            `json:"comment,omitempty"`
	ExternalRefs          []spdxExternalRef `json:"externalRefs,omitempty"`
	PrimaryPackagePurpose string            `json:"primaryPackagePurpose,omitempty"`
}

type spdxChecksum struct {
	Algorithm     string `json:"algorithm"`
	ChecksumValue string `json:"checksumValue"`
}

type spdxExternalRef struct {
	ReferenceCategory string `json:"referenceCategory"`
	ReferenceType     string `json:"referenceType"`
	ReferenceLocator  string `json:"referenceLocator"`
}

type spdxRelationship struct {
	SPDXElementID      string `json:"spdxElementId"`
	RelationshipType   string `json:"relationshipType"`
	RelatedSPDXElement string `json:"relatedSpdxElement"`
}

const noAssertion = "NOASSERTION"

// options are the facts the binary cannot tell: the name and version the
// build gave it (-X main.version is not in the Go build information).
type options struct {
	Name      string
	Version   string
	Created   time.Time
	Namespace string // URI prefix; the binary's sha256 makes it unique
	License   string // SPDX license expression of the application
	Tool      string // "sbom-VERSION" for creationInfo.creators
}

// newSPDX describes the binary as one application package that statically
// links the Go standard library and every module of its build information,
// one of which contains SQLite.
func newSPDX(f *binaryFacts, o options) *spdxDocument {
	b := f.Build
	goos, goarch := setting(b, "GOOS"), setting(b, "GOARCH")
	doc := &spdxDocument{
		SPDXVersion:       "SPDX-2.3",
		DataLicense:       "CC0-1.0",
		SPDXID:            "SPDXRef-DOCUMENT",
		Name:              fmt.Sprintf("%s-%s-%s-%s", o.Name, o.Version, goos, goarch),
		DocumentNamespace: fmt.Sprintf("%s/%s-%s-%s", strings.TrimSuffix(o.Namespace, "/"), o.Name, o.Version, f.SHA256),
		CreationInfo: spdxCreationInfo{
			Created:  o.Created.UTC().Format(time.RFC3339),
			Creators: []string{"Tool: " + o.Tool},
		},
	}

	app := spdxPackage{
		SPDXID:                "SPDXRef-Package-" + spdxIDPart(o.Name),
		Name:                  o.Name,
		VersionInfo:           o.Version,
		DownloadLocation:      downloadLocation(b.Main.Path),
		Checksums:             []spdxChecksum{{"SHA256", f.SHA256}},
		LicenseDeclared:       o.License,
		PrimaryPackagePurpose: "APPLICATION",
		Comment:               fmt.Sprintf("Go module %s, built by %s for %s/%s with %s", b.Main.Path, b.GoVersion, goos, goarch, buildSettings(b)),
		ExternalRefs:          []spdxExternalRef{purl("golang", b.Main.Path, goVersionTag(o.Version))},
	}
	doc.add(app, "SPDXRef-DOCUMENT", "DESCRIBES")

	std := spdxPackage{
		SPDXID:           "SPDXRef-Package-go-stdlib",
		Name:             "stdlib",
		VersionInfo:      b.GoVersion,
		DownloadLocation: "https://go.dev/dl/",
		Comment:          "The Go standard library and runtime, compiled into the binary",
		ExternalRefs:     []spdxExternalRef{purl("golang", "stdlib", strings.TrimPrefix(b.GoVersion, "go"))},
	}
	doc.add(std, app.SPDXID, "STATIC_LINK")

	for _, d := range b.Deps {
		m := effective(d)
		p := spdxPackage{
			SPDXID:           "SPDXRef-Package-go-" + spdxIDPart(m.Path+"-"+m.Version),
			Name:             m.Path,
			VersionInfo:      m.Version,
			DownloadLocation: fmt.Sprintf("https://proxy.golang.org/%s/@v/%s.zip", escapeModulePath(m.Path), m.Version),
			ExternalRefs:     []spdxExternalRef{purl("golang", m.Path, m.Version)},
		}
		if m.Sum != "" {
			p.Comment = "go.sum hash " + m.Sum
		}
		if m != d {
			p.SourceInfo = fmt.Sprintf("replaces %s %s", d.Path, d.Version)
		}
		doc.add(p, app.SPDXID, "STATIC_LINK")

		if f.SQLite.Module == m.Path+"@"+m.Version {
			sq := spdxPackage{
				SPDXID:           "SPDXRef-Package-sqlite",
				Name:             "SQLite",
				VersionInfo:      f.SQLite.Version,
				DownloadLocation: "https://sqlite.org/download.html",
				LicenseDeclared:  "blessing",
				SourceInfo:       "SQLite source id " + f.SQLite.SourceID + "; compiled to Wasm and translated to Go by " + m.Path,
				Comment:          "sqlite_source_id(): " + f.SQLite.SourceID,
				ExternalRefs: []spdxExternalRef{
					purl("generic", "sqlite", f.SQLite.Version),
					{"SECURITY", "cpe23Type", fmt.Sprintf("cpe:2.3:a:sqlite:sqlite:%s:*:*:*:*:*:*:*", f.SQLite.Version)},
				},
			}
			doc.add(sq, p.SPDXID, "CONTAINS")
		}
	}
	return doc
}

// add appends a package and the relationship that ties it to from.
func (d *spdxDocument) add(p spdxPackage, from, relationship string) {
	if p.Supplier == "" {
		p.Supplier = noAssertion
	}
	for _, s := range []*string{&p.LicenseConcluded, &p.LicenseDeclared, &p.CopyrightText} {
		if *s == "" {
			*s = noAssertion
		}
	}
	d.Packages = append(d.Packages, p)
	d.Relationships = append(d.Relationships, spdxRelationship{from, relationship, p.SPDXID})
}

func purl(kind, name, version string) spdxExternalRef {
	return spdxExternalRef{"PACKAGE-MANAGER", "purl", fmt.Sprintf("pkg:%s/%s@%s", kind, name, version)}
}

// goVersionTag turns "0.1.0" into the module tag form "v0.1.0".
func goVersionTag(v string) string {
	if v != "" && v[0] >= '0' && v[0] <= '9' {
		return "v" + v
	}
	return v
}

func downloadLocation(modulePath string) string {
	if strings.HasPrefix(modulePath, "github.com/") {
		return "git+https://" + modulePath + ".git"
	}
	return noAssertion
}

// escapeModulePath applies the module proxy's case encoding ("A" -> "!a").
func escapeModulePath(p string) string {
	var b strings.Builder
	for _, r := range p {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte('!')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

var notIDChar = regexp.MustCompile(`[^A-Za-z0-9.-]+`)

// spdxIDPart makes a string fit SPDXRef-[idstring] (letters, digits, ".", "-").
func spdxIDPart(s string) string {
	return notIDChar.ReplaceAllString(s, "-")
}

func setting(b *debug.BuildInfo, key string) string {
	for _, s := range b.Settings {
		if s.Key == key {
			return s.Value
		}
	}
	return ""
}

// buildSettings lists the build settings that say how the binary was made.
func buildSettings(b *debug.BuildInfo) string {
	var kv []string
	for _, s := range b.Settings {
		kv = append(kv, s.Key+"="+s.Value)
	}
	return strings.Join(kv, " ")
}
