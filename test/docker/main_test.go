//go:build docker

// Package dockertest checks the container contract of issue 4 on a real
// Docker engine: the image Nix builds (one layer holding only /hello-sqlite,
// config from nix/image-config.json) is rebuilt here from the binary that
// scripts/build-static makes, loaded as users load it, and run the ways users
// run it. Run: go test -count=1 -tags docker ./test/docker/... (-v for figures).
//
// Needs a Docker engine (else: skip, or fail when CI=true) and Debian's
// busybox-static (a stand-in for the busybox image in the README's volume
// set-up). HELLO_SQLITE_TEST_BINARY=path uses a prebuilt binary instead of
// scripts/build-static, for working on these tests while the tree does not
// build; it is refused under CI.
//
// Files: config (nix/image-config.json), layer and archive (the image as
// dockerTools.buildImage writes it), fixture (binary and images, once per
// run), container and docker (running things), sweep (leftovers of killed
// runs); the tests: image, run, volume, wal, tempfiles, signals, errors;
// full: the -tags full build's image (hello-sqlite-full), made the same way.
package dockertest

import (
	"fmt"
	"os"
	"testing"
	"time"
)

// runID is unique per test process (start time and pid): every container,
// volume and image tag holds it, so parallel runs on one engine don't collide
// and the start time lets a later run sweep what a crashed run left.
var runID = fmt.Sprintf("%d-%d", time.Now().Unix(), os.Getpid())

func TestMain(m *testing.M) {
	code := m.Run()
	suite.cleanup()
	fullSuite.cleanup()
	os.Exit(code)
}
