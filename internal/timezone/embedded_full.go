//go:build full

package timezone

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"io"
	"time"
)

//go:generate go run gen.go

//go:embed zoneinfo.zip.gz
var zoneinfoGz []byte

// embedded loads zone name from the embedded zoneinfo.zip.
func embedded(name string) (*time.Location, error) {
	zr, err := gzip.NewReader(bytes.NewReader(zoneinfoGz))
	if err != nil {
		return nil, err
	}
	zip, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	data, err := zipEntry(zip, name)
	if err != nil {
		return nil, err
	}
	return time.LoadLocationFromTZData(name, data)
}

// zipEntry finds file name in zip, an uncompressed ("stored") archive as
// Go's lib/time/mkzip.go writes it, through its central directory.
func zipEntry(zip []byte, name string) ([]byte, error) {
	const (
		endLen    = 22 // end of central directory record
		dirLen    = 46 // central directory header, before the name
		headerLen = 30 // local file header, before the name
	)
	le := binary.LittleEndian
	if len(zip) < endLen {
		return nil, errNoZone
	}
	end := zip[len(zip)-endLen:]
	if le.Uint32(end) != 0x06054b50 {
		return nil, errNoZone
	}
	n := int(le.Uint16(end[10:]))
	off := int(le.Uint32(end[16:]))
	for range n {
		if off+dirLen > len(zip) || le.Uint32(zip[off:]) != 0x02014b50 {
			return nil, errNoZone
		}
		h := zip[off:]
		method := le.Uint16(h[10:])
		size := int(le.Uint32(h[24:]))
		nameLen := int(le.Uint16(h[28:]))
		extraLen := int(le.Uint16(h[30:]))
		commentLen := int(le.Uint16(h[32:]))
		local := int(le.Uint32(h[42:]))
		if off+dirLen+nameLen > len(zip) {
			return nil, errNoZone
		}
		if string(h[dirLen:dirLen+nameLen]) == name {
			if method != 0 || local+headerLen > len(zip) {
				return nil, errNoZone
			}
			lh := zip[local:]
			start := local + headerLen + int(le.Uint16(lh[26:])) + int(le.Uint16(lh[28:]))
			if start+size > len(zip) {
				return nil, errNoZone
			}
			return zip[start : start+size], nil
		}
		off += dirLen + nameLen + extraLen + commentLen
	}
	return nil, errNoZone
}
