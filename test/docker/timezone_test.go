//go:build docker

package dockertest

import "testing"

// TestTimeZone: the image has no zone files, yet -e TZ sets SQLite's
// 'localtime' (internal/timezone's embedded database); without TZ it is UTC.
func TestTimeZone(t *testing.T) {
	f := needImage(t)
	const sql = "SELECT datetime('2024-07-01 12:00:00','localtime'), datetime('2024-01-15 12:00:00','localtime')"
	for _, c := range []struct {
		name  string
		flags []string
		want  string
	}{
		{"berlin", []string{"-e", "TZ=Europe/Berlin"}, "2024-07-01 14:00:00|2024-01-15 13:00:00\n"},
		{"new_york", []string{"-e", "TZ=America/New_York"}, "2024-07-01 08:00:00|2024-01-15 07:00:00\n"},
		{"unset", nil, "2024-07-01 12:00:00|2024-01-15 12:00:00\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			expectOK(t, f.run(t, ctr{flags: c.flags, args: []string{":memory:", sql}}), c.want)
		})
	}
}
