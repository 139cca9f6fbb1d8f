//go:build docker

package dockertest

import (
	"bufio"
	"context"
	"io"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// gateDeadline bounds each wait of the gate: generous, it only guards
// against a hang; on a busy machine containers can take seconds to start.
const gateDeadline = 2 * time.Minute

// writeGate is a container holding a database's write lock (an open BEGIN
// IMMEDIATE from an interactive shell fed through a pipe) until release:
// writers started meanwhile wait on their busy timeout, and are let go
// together.
type writeGate struct {
	t     *testing.T
	name  string
	stdin io.WriteCloser
	done  chan error
}

// holdWriteLock starts the gate on db and returns once it holds the lock.
func holdWriteLock(t *testing.T, f *fixture, mount []string, db string) *writeGate {
	t.Helper()
	c := ctr{flags: mount, args: []string{"-interactive", db}, stdin: strings.NewReader("")}
	keep(t, &c)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute) // a hang guard: the gate lives while all writers start
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, "docker", c.runArgs(f)...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	g := &writeGate{t: t, name: c.name, stdin: stdin, done: make(chan error, 1)}
	locked := make(chan struct{})
	go func() {
		// -interactive echoes the input after each prompt, so the marker is
		// computed: only the result line is exactly "gate-locked".
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if sc.Text() == "gate-locked" {
				close(locked)
				break
			}
		}
		io.Copy(io.Discard, stdout)
		err := cmd.Wait()
		if err != nil && stderr.Len() > 0 {
			err = &gateError{err, stderr.String()}
		}
		g.done <- err
	}()
	io.WriteString(stdin, "BEGIN IMMEDIATE;\nSELECT 'gate-' || 'locked';\n")
	select {
	case <-locked:
		return g
	case err := <-g.done:
		t.Fatalf("the gate container ended before holding the write lock: %v", err)
	case <-time.After(gateDeadline):
		t.Fatalf("the gate container did not take the write lock in %v", gateDeadline)
	}
	return nil
}

// release commits the gate's empty transaction and waits for it to end.
func (g *writeGate) release() {
	g.t.Helper()
	io.WriteString(g.stdin, "COMMIT;\n")
	g.stdin.Close()
	select {
	case err := <-g.done:
		if err != nil {
			g.t.Fatalf("gate container: %v", err)
		}
	case <-time.After(gateDeadline):
		g.t.Fatalf("the gate container did not end in %v after COMMIT", gateDeadline)
	}
}

type gateError struct {
	err    error
	stderr string
}

func (e *gateError) Error() string { return e.err.Error() + ", stderr " + e.stderr }

// pollUntil runs probe until it reports done, or fails the test at the deadline.
func pollUntil(t *testing.T, what string, probe func() (done bool, state string)) {
	t.Helper()
	deadline := time.Now().Add(gateDeadline)
	for {
		done, state := probe()
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not so after %v (%s)", what, gateDeadline, state)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
