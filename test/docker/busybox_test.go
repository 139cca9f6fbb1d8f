//go:build docker

package dockertest

import (
	"archive/tar"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// busyboxPath is Debian's busybox-static: a static busybox that stands in
// for Docker Hub's busybox image (no registry here) in the documented
// one-time volume initialisation.
const busyboxPath = "/bin/busybox"

// needBusybox returns a local image holding /bin/busybox and /bin/chown,
// made once per run. Without busybox-static it skips, or fails under CI.
func needBusybox(t *testing.T, f *fixture) string {
	t.Helper()
	f.busyboxOnce.Do(func() { f.busybox, f.busyboxErr = makeBusybox(f) })
	if f.busyboxErr != nil {
		if _, err := exec.LookPath(busyboxPath); err != nil && os.Getenv("CI") != "true" {
			t.Skipf("busybox-static not installed (apt-get install busybox-static): %v", f.busyboxErr)
		}
		t.Fatalf("busybox image (needs Debian's busybox-static): %v", f.busyboxErr)
	}
	return f.busybox
}

func makeBusybox(f *fixture) (string, error) {
	bin, err := os.ReadFile(busyboxPath)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, h := range []*tar.Header{
		{Typeflag: tar.TypeDir, Name: "bin/", Mode: 0o755},
		{Typeflag: tar.TypeReg, Name: "bin/busybox", Mode: 0o755, Size: int64(len(bin))},
		{Typeflag: tar.TypeSymlink, Name: "bin/chown", Linkname: "busybox", Mode: 0o777},
	} {
		if err := tw.WriteHeader(h); err != nil {
			return "", err
		}
		if h.Typeflag == tar.TypeReg {
			tw.Write(bin)
		}
	}
	tw.Close()
	ref := fmt.Sprintf("%s-test-busybox:x-test-%s-busybox", f.cfg.Name, runID)
	if r := docker(&buf, "import", "--change", "ENV PATH=/bin", "-", ref); r.code != 0 {
		return "", fmt.Errorf("docker import busybox: %v", r)
	}
	return ref, nil
}

// initVolume is the README's one-time set-up of a new named volume: its root
// is root-owned 0755, so hand it to the image's user (65534:65534) with
//
//	docker run --rm -v VOLUME:/data busybox chown 65534:65534 /data
func initVolume(t *testing.T, f *fixture, vol string) {
	t.Helper()
	bb := needBusybox(t, f)
	mustDocker(t, "run", "--rm", "--label", runLabel+"="+runID, "--network", "none",
		"-v", vol+":/data", bb, "chown", f.cfg.User, "/data")
}

// ownedDir makes a host folder for a bind mount that uid:gid can write: the
// README's "chown 65534:65534 ./data". Not root, it opens the folder to all.
func ownedDir(t *testing.T, uid, gid int) string {
	t.Helper()
	dir := t.TempDir()
	if os.Getuid() == 0 {
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
	} else if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	return dir
}
