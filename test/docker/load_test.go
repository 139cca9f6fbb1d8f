//go:build docker

package dockertest

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Timing on a busy machine: wait for signs of the state under test (CPU the
// program has used), and allow for the engine's own slowness, measured now.

// clockTicks is USER_HZ, the unit of /proc/PID/stat times: 100 on Linux.
const clockTicks = 100

// waitContainerCPU waits until the container's program has used cpu of CPU
// time, read from /proc of the engine's host (the tests' bind mounts already
// need a local engine): a long query is then under way, however little time
// the machine gives it. The deadline only guards against a hang.
func waitContainerCPU(t *testing.T, name string, cpu time.Duration) {
	t.Helper()
	pid := mustDocker(t, "inspect", "-f", "{{.State.Pid}}", name)
	deadline := time.Now().Add(2 * time.Minute)
	for {
		b, err := os.ReadFile("/proc/" + pid + "/stat")
		if err != nil {
			t.Fatalf("container %s (pid %s) ended before using %v of CPU", name, pid, cpu)
		}
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		utime, _ := strconv.ParseInt(f[11], 10, 64)
		stime, _ := strconv.ParseInt(f[12], 10, 64)
		if time.Duration(utime+stime)*time.Second/clockTicks >= cpu {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("container %s used under %v of CPU in 2 minutes", name, cpu)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// idleStop is how long docker stop takes now on a container whose program
// ends at once (a shell waiting for input): the engine's own share of any
// stop, which a busy machine stretches to seconds.
func idleStop(t *testing.T, f *fixture) time.Duration {
	t.Helper()
	name := f.start(t, ctr{args: []string{":memory:"}, stdin: strings.NewReader("")})
	waitRunning(t, name)
	began := time.Now()
	mustDocker(t, "stop", "-t", "30", name)
	took := time.Since(began)
	if code := mustDocker(t, "inspect", "-f", "{{.State.ExitCode}}", name); code != "143" {
		t.Fatalf("baseline: the idle shell ended with status %s on docker stop, want 143", code)
	}
	return took
}

// signalLimit is the most a signal may take to end a container: the spec's
// second plus twice the engine's share, measured just before (before) and
// again now, the slower of the two (the load changes from one second to the
// next; twice, because single stops vary that much under load).
func signalLimit(t *testing.T, f *fixture, before time.Duration) time.Duration {
	t.Helper()
	idle := max(before, idleStop(t, f))
	limit := time.Second + 2*idle
	t.Logf("signal limit %v (docker stop of an idle shell takes up to %v now)", limit.Round(time.Millisecond), idle.Round(time.Millisecond))
	return limit
}
