package timezone

import (
	"testing"
	"time"
)

func TestWanted(t *testing.T) {
	for _, c := range []struct {
		tz    string
		set   bool
		local string
		want  string // "" for none
	}{
		{"Europe/Berlin", true, "UTC", "Europe/Berlin"},      // the system lacks it
		{":Europe/Berlin", true, "UTC", "Europe/Berlin"},     // POSIX's leading colon
		{"Europe/Berlin", true, "Europe/Berlin", ""},         // the system has it
		{"", false, "UTC", ""},                               // unset: /etc/localtime or UTC
		{"", true, "UTC", ""},                                // empty: UTC
		{"UTC", true, "UTC", ""},                             // UTC itself
		{"/etc/localtime", true, "UTC", ""},                  // a file
		{":/usr/share/zoneinfo/Asia/Tokyo", true, "UTC", ""}, // a file
		{"No/Such_Zone", true, "UTC", "No/Such_Zone"},        // tried, then fails to load
	} {
		got, ok := wanted(c.tz, c.set, c.local)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("wanted(%q, %v, %q) = %q, %v; want %q", c.tz, c.set, c.local, got, ok, c.want)
		}
	}
}

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
