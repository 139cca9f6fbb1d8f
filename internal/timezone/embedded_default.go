//go:build !full

package timezone

import "time"

// embedded: the default build has no zone database of its own (it would
// take the binary over its 8.0 MB budget); zones come from the system, or
// from a POSIX TZ string (posix.go). The full build embeds one.
func embedded(string) (*time.Location, error) { return nil, errNoZone }
