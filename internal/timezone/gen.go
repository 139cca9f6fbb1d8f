//go:build ignore

// gen.go writes zoneinfo.zip.gz, the Go toolchain's time zone database
// ($GOROOT/lib/time/zoneinfo.zip, what -tags timetzdata embeds) compressed
// with gzip -9. Run it after a Go update: go generate ./internal/timezone
//
// Zones with the same data (links such as US/Eastern and America/New_York,
// stored as copies in Go's zip) share one stored entry: their directory
// records point at the same local header, which zipEntry allows. That
// saves about a quarter of the compressed size.
package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"hash/crc32"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime"
)

func main() {
	zr, err := zip.OpenReader(filepath.Join(runtime.GOROOT(), "lib", "time", "zoneinfo.zip"))
	if err != nil {
		log.Fatal(err)
	}
	defer zr.Close()

	le := binary.LittleEndian
	var local, dir bytes.Buffer
	offsets := map[string]uint32{} // zone data -> its local header's offset
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			log.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			log.Fatal(err)
		}
		crc := crc32.ChecksumIEEE(data)
		off, seen := offsets[string(data)]
		if !seen {
			off = uint32(local.Len())
			offsets[string(data)] = off
			h := make([]byte, 30)
			le.PutUint32(h[0:], 0x04034b50) // local file header
			le.PutUint16(h[4:], 10)         // version needed
			le.PutUint32(h[14:], crc)
			le.PutUint32(h[18:], uint32(len(data)))
			le.PutUint32(h[22:], uint32(len(data)))
			le.PutUint16(h[26:], uint16(len(f.Name)))
			local.Write(h)
			local.WriteString(f.Name)
			local.Write(data)
		}
		h := make([]byte, 46)
		le.PutUint32(h[0:], 0x02014b50) // central directory header
		le.PutUint16(h[4:], 10)         // version made by
		le.PutUint16(h[6:], 10)         // version needed
		le.PutUint32(h[16:], crc)
		le.PutUint32(h[20:], uint32(len(data)))
		le.PutUint32(h[24:], uint32(len(data)))
		le.PutUint16(h[28:], uint16(len(f.Name)))
		le.PutUint32(h[42:], off)
		dir.Write(h)
		dir.WriteString(f.Name)
	}
	end := make([]byte, 22)
	le.PutUint32(end[0:], 0x06054b50) // end of central directory
	le.PutUint16(end[8:], uint16(len(zr.File)))
	le.PutUint16(end[10:], uint16(len(zr.File)))
	le.PutUint32(end[12:], uint32(dir.Len()))
	le.PutUint32(end[16:], uint32(local.Len()))

	out, err := os.Create("zoneinfo.zip.gz")
	if err != nil {
		log.Fatal(err)
	}
	w, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range [][]byte{local.Bytes(), dir.Bytes(), end} {
		if _, err := w.Write(b); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}
}
