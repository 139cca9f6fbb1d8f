//go:build full

package timezone

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestEmbeddedMatchesSystem compares zones loaded from the embedded database
// with the system's (this machine has /usr/share/zoneinfo; the image not).
func TestEmbeddedMatchesSystem(t *testing.T) {
	instants := []time.Time{
		time.Date(1950, 6, 1, 12, 0, 0, 0, time.UTC),
		time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 3, 31, 0, 59, 59, 0, time.UTC),
		time.Date(2024, 3, 31, 1, 0, 0, 0, time.UTC),
		time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 1, 6, 30, 0, 0, time.UTC),
		time.Date(2090, 12, 25, 0, 0, 0, 0, time.UTC),
	}
	for _, name := range []string{"Europe/Berlin", "America/New_York", "US/Eastern", "Asia/Kolkata",
		"Australia/Lord_Howe", "America/Sao_Paulo", "Pacific/Chatham", "Etc/GMT+5"} {
		emb, err := embedded(name)
		if err != nil {
			t.Errorf("embedded(%q): %v", name, err)
			continue
		}
		if emb.String() != name {
			t.Errorf("embedded(%q) is named %q", name, emb.String())
		}
		sys, err := time.LoadLocation(name)
		if err != nil {
			t.Logf("the system has no %s to compare with: %v", name, err)
			continue
		}
		for _, at := range instants {
			en, eo := at.In(emb).Zone()
			sn, so := at.In(sys).Zone()
			if en != sn || eo != so {
				t.Errorf("%s at %v: embedded %s%+d, system %s%+d", name, at, en, eo, sn, so)
			}
		}
	}
	// Berlin in summer, without any system data to lean on.
	emb, _ := embedded("Europe/Berlin")
	if got := time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC).In(emb).Format("15:04 MST"); got != "14:00 CEST" {
		t.Errorf("noon UTC in Berlin in July = %s, want 14:00 CEST", got)
	}
}

func TestEmbeddedUnknown(t *testing.T) {
	for _, name := range []string{"No/Such_Zone", "", "europe/berlin", "Europe"} {
		if loc, err := embedded(name); err == nil {
			t.Errorf("embedded(%q) = %v, want an error", name, loc)
		}
	}
}

// TestEmbeddedHasEveryZone: every zone of the Go toolchain's database reads
// back byte for byte, links included (gen.go stores equal zones once).
func TestEmbeddedHasEveryZone(t *testing.T) {
	zr, err := zip.OpenReader(filepath.Join(runtime.GOROOT(), "lib", "time", "zoneinfo.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	gz, err := gzip.NewReader(bytes.NewReader(zoneinfoGz))
	if err != nil {
		t.Fatal(err)
	}
	all, err := io.ReadAll(gz)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		want, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		got, err := zipEntry(all, f.Name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes, err %v; want %d bytes", f.Name, len(got), err, len(want))
		}
	}
	if len(zr.File) < 500 {
		t.Fatalf("only %d zones in Go's database", len(zr.File))
	}
}
