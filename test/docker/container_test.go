//go:build docker

package dockertest

import (
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
)

// hardened are the docker run flags the README recommends and every test
// uses: nothing writable but volumes, no network, no capabilities. The user is
// the image's own (65534:65534) unless a test passes --user.
var hardened = []string{
	"--read-only", "--network", "none",
	"--cap-drop", "ALL", "--security-opt", "no-new-privileges",
}

// ctr is one container run of an image.
type ctr struct {
	image  string    // default: the image loaded from the docker-archive
	flags  []string  // more docker run flags: -v, --mount, --user, -e, --tmpfs
	args   []string  // the program's arguments
	stdin  io.Reader // non-nil: docker run -i
	name   string    // non-empty: keep the container (no --rm) to inspect it
	detach bool      // docker run -d; implies a name
	create bool      // docker create: made, not started; implies a name
}

func (c ctr) runArgs(f *fixture) []string {
	a := []string{"run", "--label", runLabel + "=" + runID}
	if c.create {
		a[0] = "create"
	}
	if c.name == "" {
		a = append(a, "--rm")
	} else {
		a = append(a, "--name", c.name)
	}
	if c.stdin != nil {
		a = append(a, "-i")
	}
	if c.detach {
		a = append(a, "-d")
	}
	a = append(a, hardened...)
	a = append(a, c.flags...)
	img := c.image
	if img == "" {
		img = f.loaded
	}
	return append(append(a, img), c.args...)
}

// keep names the container and removes it when the test ends.
func keep(t *testing.T, c *ctr) {
	if c.name == "" {
		c.name = uniqueName("ctr")
	}
	name := c.name
	t.Cleanup(func() { docker(nil, "rm", "-f", name) })
}

// run runs the container to its end.
func (f *fixture) run(t *testing.T, c ctr) result {
	t.Helper()
	if c.name != "" {
		keep(t, &c)
	}
	r := docker(c.stdin, c.runArgs(f)...)
	if r.code == 125 || r.code == 126 || r.code == 127 { // docker itself failed, not the program
		t.Fatalf("docker %s: %v", strings.Join(c.runArgs(f), " "), r)
	}
	return r
}

// start runs the container in the background and returns its name.
func (f *fixture) start(t *testing.T, c ctr) string {
	t.Helper()
	c.detach = true
	keep(t, &c)
	mustDocker(t, c.runArgs(f)...)
	return c.name
}

// create makes the container without starting it and returns its name:
// containers started together by one docker start overlap as much as they can.
func (f *fixture) create(t *testing.T, c ctr) string {
	t.Helper()
	c.create = true
	keep(t, &c)
	mustDocker(t, c.runArgs(f)...)
	return c.name
}

// wait waits for the container to end and returns its exit status.
func wait(t *testing.T, name string) int {
	t.Helper()
	code, err := strconv.Atoi(mustDocker(t, "wait", name))
	if err != nil {
		t.Fatalf("docker wait %s: %v", name, err)
	}
	return code
}

// logs returns what the container wrote to stdout and stderr.
func logs(t *testing.T, name string) (stdout, stderr string) {
	r := docker(nil, "logs", name)
	return r.stdout, r.stderr
}

// waitRunning waits until the container's process has started.
func waitRunning(t *testing.T, name string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if mustDocker(t, "inspect", "-f", "{{.State.Running}}", name) == "true" {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("container %s did not start", name)
}

// expectOK checks that a run exited 0, printed want and nothing on stderr.
func expectOK(t *testing.T, r result, want string) {
	t.Helper()
	if r.code != 0 || r.stdout != want || r.stderr != "" {
		t.Errorf("got %v\nwant exit 0, stdout %q, stderr \"\"", r, want)
	}
}

// expectClearError checks that a run failed with a message users can read:
// non-zero status, stderr starting "hello-sqlite:" or holding "Error", the
// given text (case-insensitive, any of several), and no Go panic trace.
func expectClearError(t *testing.T, r result, anyOf ...string) {
	t.Helper()
	if r.code == 0 {
		t.Errorf("exit 0, want a failing status: %v", r)
	}
	if !strings.HasPrefix(r.stderr, "hello-sqlite:") && !strings.Contains(r.stderr, "Error") {
		t.Errorf("stderr should start with \"hello-sqlite:\" or contain \"Error\": %v", r)
	}
	if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic:") {
		t.Errorf("Go panic trace on stderr: %v", r)
	}
	low := strings.ToLower(r.stderr)
	for _, s := range anyOf {
		if strings.Contains(low, strings.ToLower(s)) {
			return
		}
	}
	if len(anyOf) > 0 {
		t.Errorf("stderr names none of %q: %v", anyOf, r)
	}
}
