package timezone

import (
	"testing"
	"time"
)

func TestPOSIX(t *testing.T) {
	winter := time.Date(2024, 1, 15, 12, 0, 0, 0, time.UTC)
	summer := time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		tz             string
		winter, summer string // the local time at noon UTC, with the zone's abbreviation
	}{
		{"CET-1CEST,M3.5.0,M10.5.0/3", "13:00 CET", "14:00 CEST"},
		{"EST5EDT,M3.2.0,M11.1.0", "07:00 EST", "08:00 EDT"},
		{"EST5EDT", "07:00 EST", "08:00 EDT"}, // no rule: the US rule, as glibc and Go
		{"<+0530>-5:30", "17:30 +0530", "17:30 +0530"},
		{"AEST-10AEDT,M10.1.0,M4.1.0/3", "23:00 AEDT", "22:00 AEST"}, // southern summer
		{"JST-9", "21:00 JST", "21:00 JST"},
	} {
		loc, err := posix(c.tz)
		if err != nil {
			t.Errorf("posix(%q): %v", c.tz, err)
			continue
		}
		if got := winter.In(loc).Format("15:04 MST"); got != c.winter {
			t.Errorf("%s in January: %s, want %s", c.tz, got, c.winter)
		}
		if got := summer.In(loc).Format("15:04 MST"); got != c.summer {
			t.Errorf("%s in July: %s, want %s", c.tz, got, c.summer)
		}
	}
	for _, tz := range []string{"", "Europe/Berlin", "No/Such_Zone", "/etc/localtime", "12345", "CET-1CEST,M13.5.0,M10.5.0"} {
		if loc, err := posix(tz); err == nil {
			t.Errorf("posix(%q) = %v, want an error", tz, loc)
		}
	}
}
