package main

import (
	"strings"
	"testing"
)

func TestSQLiteVersionFromModule(t *testing.T) {
	tests := []struct {
		module, want, err string
	}{
		{"v6.5.35401", "3.54.1", ""},
		{"v6.0.35000", "3.50.0", ""},
		{"v6.12.34512", "3.45.12", ""},
		{"v0.1.34500-0.20260101000000-abcdefabcdef", "3.45.0", ""},
		{"v6.5.1", "", "does not encode"},
		{"v6.5.45401", "", "does not encode"},
		{"v6.5", "", "not vMAJOR.MINOR.PATCH"},
		{"6.5.35401", "", "not vMAJOR.MINOR.PATCH"},
		{"(devel)", "", "not vMAJOR.MINOR.PATCH"},
	}
	for _, tt := range tests {
		got, err := sqliteVersionFromModule(tt.module)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want one containing %q", tt.module, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: got %q, %v; want %q", tt.module, got, err, tt.want)
		}
	}
}

func TestFindSourceID(t *testing.T) {
	const id1 = "2026-10-16 14:45:20 555e07ef33f69a0957d24d8e555b702464a131d6f1607f4c3c1e4551e8e6ca76"
	const alt = "2026-07-24 19:02:57 bf7c7f30031888f4e796e429ab3978879485813aaca6f641c7b33e4e0945alt1"
	tests := []struct {
		name, data, want, err string
	}{
		{"one", "x\x00" + id1 + "\x00y", id1, ""},
		{"same id twice", "\x00" + id1 + "\x00fts5\x00" + id1 + "\x00", id1, ""},
		{"modified source (alt1)", "\x00" + alt + "\x00", alt, ""},
		{"inside a longer string is not the constant", "\x00With SQLite 3.54.1 " + id1 + "\n\x00", "", "no SQLite source id"},
		{"none", "\x00hello\x00", "", "no SQLite source id"},
		{"short hash", "\x00" + id1[:len(id1)-1] + "\x00", "", "no SQLite source id"},
		{"two different ids", "\x00" + id1 + "\x00" + alt + "\x00", "", "several SQLite source ids"},
	}
	for _, tt := range tests {
		got, err := findSourceID([]byte(tt.data))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: got %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

func TestEscapeModulePath(t *testing.T) {
	for in, want := range map[string]string{
		"github.com/ncruces/go-sqlite3": "github.com/ncruces/go-sqlite3",
		"github.com/BurntSushi/toml":    "github.com/!burnt!sushi/toml",
	} {
		if got := escapeModulePath(in); got != want {
			t.Errorf("escapeModulePath(%q) = %q, want %q", in, got, want)
		}
	}
}
