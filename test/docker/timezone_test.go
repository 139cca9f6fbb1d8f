//go:build docker

package dockertest

import "testing"

// TestTimeZone: the image has no zone files, yet -e TZ with a POSIX TZ
// string sets SQLite's 'localtime' (internal/timezone); a zone name needs
// the host's zone files mounted; without TZ it is UTC.
func TestTimeZone(t *testing.T) {
	f := needImage(t)
	const sql = "SELECT datetime('2024-07-01 12:00:00','localtime'), datetime('2024-01-15 12:00:00','localtime')"
	for _, c := range []struct {
		name  string
		flags []string
		want  string
	}{
		{"berlin rule", []string{"-e", "TZ=CET-1CEST,M3.5.0,M10.5.0/3"}, "2024-07-01 14:00:00|2024-01-15 13:00:00\n"},
		{"new_york rule", []string{"-e", "TZ=EST5EDT,M3.2.0,M11.1.0"}, "2024-07-01 08:00:00|2024-01-15 07:00:00\n"},
		{"berlin name, zone files mounted", []string{"-e", "TZ=Europe/Berlin", "-v", "/usr/share/zoneinfo:/usr/share/zoneinfo:ro"},
			"2024-07-01 14:00:00|2024-01-15 13:00:00\n"},
		{"berlin name, no zone files", []string{"-e", "TZ=Europe/Berlin"}, "2024-07-01 12:00:00|2024-01-15 12:00:00\n"},
		{"unset", nil, "2024-07-01 12:00:00|2024-01-15 12:00:00\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			expectOK(t, f.run(t, ctr{flags: c.flags, args: []string{":memory:", sql}}), c.want)
		})
	}
}
