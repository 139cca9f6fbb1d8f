package timezone

import (
	"encoding/binary"
	"time"
)

// posix is TZ read as a POSIX TZ string ("EST5EDT", "CET-1CEST,M3.5.0,M10.5.0/3",
// "<+0530>-5:30"), the form that TZif files carry as their footer: Go's
// time package applies such a footer after a zone's last transition, so a
// zone with no transitions at all follows the string at every instant.
func posix(tz string) (*time.Location, error) {
	if tz == "" || tz[0] == '/' || tz[0] == '.' {
		return nil, errNoZone
	}
	loc, err := time.LoadLocationFromTZData(tz, tzif(tz))
	if err != nil {
		return nil, err
	}
	// An unparsable string leaves Go on the one zone below ("?"), in
	// January and in July: not a zone, then.
	for _, m := range []time.Month{time.January, time.July} {
		if name, _ := time.Date(2024, m, 1, 0, 0, 0, 0, time.UTC).In(loc).Zone(); name == "?" {
			return nil, errNoZone
		}
	}
	return loc, nil
}

// tzif is a version 2 TZif file with no transitions, one placeholder zone
// ("?", UTC+0) and footer as its rule (RFC 8536).
func tzif(footer string) []byte {
	header := func(typecnt, charcnt uint32) []byte {
		h := make([]byte, 44)
		copy(h, "TZif2")
		be := binary.BigEndian
		// isutcnt, isstdcnt, leapcnt, timecnt = 0
		be.PutUint32(h[36:], typecnt)
		be.PutUint32(h[40:], charcnt)
		return h
	}
	zone := []byte{0, 0, 0, 0, 0, 0} // utoff 0, isdst 0, abbreviation index 0
	var b []byte
	for range 2 { // the version 1 block, then the version 2 block
		b = append(b, header(1, 2)...)
		b = append(b, zone...)
		b = append(b, '?', 0)
	}
	b = append(b, '\n')
	b = append(b, footer...)
	return append(b, '\n')
}
