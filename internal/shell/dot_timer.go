package shell

import (
	"fmt"
	"syscall"
	"time"
)

// .timer on|off|once: after each line of SQL, print the wall-clock and CPU
// time it took, in the stock shell's "Run Time: ..." line. "once" times
// the next line only.

const (
	timerOff = iota
	timerOnce
	timerOn
)

func dotTimer(s *shell, args []string) error {
	if len(args) != 2 {
		return s.stockError("Usage: .timer on|off|once")
	}
	if args[1] == "once" {
		s.ported.timer = timerOnce
	} else if s.booleanValue(args[1]) {
		s.ported.timer = timerOn
	} else {
		s.ported.timer = timerOff
	}
	return nil
}

// timing is the start of a timed line of SQL.
type timing struct {
	wall      time.Time
	user, sys time.Duration
}

// cpuTimes returns the process's user and system CPU time.
func cpuTimes() (user, sys time.Duration) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano())
}

// beginTimer starts timing a line of SQL when .timer is on.
func (s *shell) beginTimer() *timing {
	if s.ported.timer == timerOff {
		return nil
	}
	t := &timing{wall: time.Now()}
	t.user, t.sys = cpuTimes()
	return t
}

// endTimer prints the time since t (nil: the timer is off).
func (s *shell) endTimer(t *timing) {
	if t == nil {
		return
	}
	user, sys := cpuTimes()
	s.ported.prevTimer = time.Since(t.wall).Seconds()
	fmt.Fprintf(s.out, "Run Time: real %.6f user %.6f sys %.6f\n",
		s.ported.prevTimer, (user - t.user).Seconds(), (sys - t.sys).Seconds())
	if s.ported.timer == timerOnce {
		s.ported.timer = timerOff
	}
}
