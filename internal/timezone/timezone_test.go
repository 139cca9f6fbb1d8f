package timezone

import (
	"testing"
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
