// Package timezone makes TZ work where the system has no zone files (the
// image has no /usr/share/zoneinfo, so TZ=Europe/Berlin would leave
// SQLite's 'localtime' at UTC):
//   - every build reads TZ as a POSIX TZ string ("CET-1CEST,M3.5.0,M10.5.0/3"),
//     as C libraries do, at no cost in size;
//   - the full build (-tags full) also embeds Go's zone database, gzip-
//     compressed with equal zones stored once (73 KB, against the 408 KB of
//     -tags timetzdata), for zone names such as Europe/Berlin. The default
//     build leaves it out to stay within its 8.0 MB budget (docs/size.md).
package timezone

import (
	"errors"
	"os"
	"strings"
	"sync"
	"time"
)

var errNoZone = errors.New("timezone: unknown time zone")

var once sync.Once

// Load sets time.Local when TZ names a zone that Go could not load from the
// system (it then falls back to UTC): from the embedded database (full
// build), else from TZ read as a POSIX TZ string, as C libraries do
// (posix.go). It follows Go's reading of TZ otherwise: unset means
// /etc/localtime, "" and "UTC" mean UTC, a leading ':' is dropped, an
// absolute path is a file. A TZ that is none of these leaves UTC, as glibc
// does. Safe to call often.
func Load() {
	once.Do(func() {
		tz, set := os.LookupEnv("TZ")
		if name, ok := wanted(tz, set, time.Local.String()); ok {
			if loc, err := embedded(name); err == nil {
				time.Local = loc
			} else if loc, err := posix(name); err == nil {
				time.Local = loc
			}
		}
	})
}

// wanted says which zone to load from the embedded database, given TZ
// (and whether it is set) and the name of the zone Go made time.Local:
// Go falls back to "UTC" when the system has no such zone.
func wanted(tz string, set bool, local string) (string, bool) {
	tz = strings.TrimPrefix(tz, ":")
	if !set || tz == "" || tz == "UTC" || tz[0] == '/' || local != "UTC" {
		return "", false
	}
	return tz, true
}
