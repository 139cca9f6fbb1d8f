//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// These helpers keep the timing tests true on a busy machine (CI runners,
// or scripts/test beside other work): a test waits for a sign that the shell
// has reached the state under test instead of sleeping, and a limit on
// elapsed time allows for how slow the machine is right now.

// readyDeadline bounds every wait for such a sign. It only guards against a
// hang, so it is generous: on a loaded machine a start can take seconds.
const readyDeadline = time.Minute

// waitUntil polls cond until it holds, or fails the test at readyDeadline.
func waitUntil(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(readyDeadline)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not so after %v", what, readyDeadline)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// cpuTime is the CPU time (user + system) process pid has used so far, from
// /proc/PID/stat; -1 once it has ended.
func cpuTime(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return -1
	}
	// Fields after the parenthesised command name (which may hold spaces):
	// state is field 3, utime and stime fields 14 and 15, in clock ticks.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return -1
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / clockTicks
}

// clockTicks is USER_HZ, the unit of /proc/PID/stat times: 100 on Linux.
const clockTicks = 100

// waitCPU waits until process pid has done cpu of work: a statement that
// runs on is then well under way, however slowly the machine gives it time.
func waitCPU(t testing.TB, pid int, cpu time.Duration) {
	t.Helper()
	waitUntil(t, fmt.Sprintf("process %d has used %v of CPU", pid, cpu), func() bool {
		used := cpuTime(pid)
		if used < 0 {
			t.Fatalf("process %d ended before using %v of CPU", pid, cpu)
		}
		return used >= cpu
	})
}

// hasOpen reports whether process pid has path open.
func hasOpen(pid int, path string) bool {
	return slices.Contains(openFDs(pid), path)
}

// latencyLimit is the most a signal may take to end the shell on this
// machine now: the spec's signalMaxLatency plus what a trivial run of the
// shell (start, open, one statement, exit) takes at the moment, the median
// of three. Idle, that adds milliseconds; under load it allows for the
// time the machine takes to schedule any process at all.
func latencyLimit(t testing.TB) time.Duration {
	t.Helper()
	var runs []time.Duration
	for range 3 {
		start := time.Now()
		if out, err := exec.Command(bin, ":memory:", "SELECT 1").CombinedOutput(); err != nil || string(out) != "1\n" {
			t.Fatalf("baseline run: %v %q", err, out)
		}
		runs = append(runs, time.Since(start))
	}
	slices.Sort(runs)
	limit := signalMaxLatency + runs[1]
	t.Logf("latency limit %v (a trivial run takes %v now)", limit.Round(time.Millisecond), runs[1].Round(time.Millisecond))
	return limit
}
