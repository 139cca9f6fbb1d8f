//go:build docker

package dockertest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// result is what one docker command did.
type result struct {
	stdout, stderr string
	code           int // exit status; -1 if it could not run
	err            error
}

func (r result) String() string {
	return fmt.Sprintf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
}

// dockerTimeout bounds any single docker command so a hung engine fails the
// test instead of eating the CI budget.
const dockerTimeout = 3 * time.Minute

// docker runs the docker CLI with args and stdin (may be nil).
func docker(stdin io.Reader, args ...string) result {
	ctx, cancel := context.WithTimeout(context.Background(), dockerTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "docker", args...)
	var out, errb bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, &out, &errb
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), err: err}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	default:
		r.code = -1
	}
	return r
}

// mustDocker runs docker and fails the test unless it exits 0; it returns
// stdout without the trailing newline.
func mustDocker(t testing.TB, args ...string) string {
	t.Helper()
	r := docker(nil, args...)
	if r.code != 0 {
		t.Fatalf("docker %s: %v", strings.Join(args, " "), r)
	}
	return strings.TrimRight(r.stdout, "\n")
}

// runLabel marks every container and volume this suite makes, with the run's
// id as value, so leftovers can be found: docker ps -a --filter label=...
const runLabel = "io.github.hello-sqlite.test-run"

var nameSeq atomic.Int64

// uniqueName gives a container or volume name no parallel run can share.
func uniqueName(kind string) string {
	return fmt.Sprintf("hello-sqlite-test-%s-%s-%d", kind, runID, nameSeq.Add(1))
}

// newVolume makes a named volume removed when the test ends.
func newVolume(t *testing.T) string {
	t.Helper()
	name := uniqueName("vol")
	mustDocker(t, "volume", "create", "--label", runLabel+"="+runID, name)
	t.Cleanup(func() { docker(nil, "volume", "rm", "-f", name) })
	return name
}
