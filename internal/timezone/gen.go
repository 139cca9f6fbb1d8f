//go:build ignore

// gen.go writes zoneinfo.zip.gz, the Go toolchain's time zone database
// ($GOROOT/lib/time/zoneinfo.zip, what -tags timetzdata embeds) compressed
// with gzip -9. Run it after a Go update: go generate ./internal/timezone
package main

import (
	"compress/gzip"
	"log"
	"os"
	"path/filepath"
	"runtime"
)

func main() {
	zip, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "lib", "time", "zoneinfo.zip"))
	if err != nil {
		log.Fatal(err)
	}
	out, err := os.Create("zoneinfo.zip.gz")
	if err != nil {
		log.Fatal(err)
	}
	w, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := w.Write(zip); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}
}
