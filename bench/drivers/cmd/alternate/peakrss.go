package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
)

// peakRSS runs argv once under ptrace and reads the program's VmHWM (peak
// resident set, KiB) from /proc when it is about to exit.
//
// Why not ru_maxrss: Go starts children with vfork, and the kernel folds the
// high-water mark of the mm a process had before execve into ru_maxrss, so a
// child of this program never reports less than this program's own RSS
// (about 4.5 MB, more than the stock shell uses). VmHWM at the exit event
// belongs to the last program the child exec'd (for a wrapper script, the
// real shell), and only to it.
func peakRSS(argv []string, stdin, fresh string) (int64, error) {
	if err := removeDB(fresh); err != nil {
		return 0, err
	}
	path, err := lookPath(argv[0])
	if err != nil {
		return 0, err
	}
	in := os.Stdin
	if stdin != "" {
		f, err := os.Open(stdin)
		if err != nil {
			return 0, err
		}
		defer f.Close()
		in = f
	}
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return 0, err
	}
	defer null.Close()

	// ptrace requests must come from the thread that started the tracee.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	p, err := os.StartProcess(path, argv, &os.ProcAttr{
		Files: []*os.File{in, null, null},
		Sys:   &syscall.SysProcAttr{Ptrace: true},
	})
	if err != nil {
		return 0, err
	}
	pid := p.Pid
	var ws syscall.WaitStatus
	if _, err := syscall.Wait4(pid, &ws, 0, nil); err != nil { // stopped at its execve
		return 0, err
	}
	if err := syscall.PtraceSetOptions(pid, syscall.PTRACE_O_TRACEEXIT|syscall.PTRACE_O_TRACEEXEC); err != nil {
		return 0, err
	}
	var hwm int64 = -1
	sig := 0
	for {
		if err := syscall.PtraceCont(pid, sig); err != nil {
			return 0, err
		}
		if _, err := syscall.Wait4(pid, &ws, 0, nil); err != nil {
			return 0, err
		}
		sig = 0
		switch {
		case ws.Exited() || ws.Signaled():
			if ws.Exited() && ws.ExitStatus() != 0 {
				return 0, fmt.Errorf("exit status %d", ws.ExitStatus())
			}
			if ws.Signaled() {
				return 0, fmt.Errorf("killed by %v", ws.Signal())
			}
			if hwm < 0 {
				return 0, fmt.Errorf("no exit event seen")
			}
			return hwm, nil
		case ws.Stopped() && ws.TrapCause() == syscall.PTRACE_EVENT_EXIT:
			if hwm, err = vmHWM(pid); err != nil {
				return 0, err
			}
		case ws.Stopped() && ws.TrapCause() == syscall.PTRACE_EVENT_EXEC:
		case ws.Stopped():
			sig = int(ws.StopSignal()) // a real signal: deliver it
		}
	}
}

func vmHWM(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			return strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/%d/status", pid)
}
