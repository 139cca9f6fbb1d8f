// Package syscmd runs a command line through the system shell, /bin/sh -c,
// as the stock shell's system() (edit()) and popen() (.import "|CMD") do.
// It forks with syscall.ForkExec rather than os/exec or os.StartProcess:
// about 20 KB of binary against 60 KB and 220 KB, in a binary with no
// headroom. The one-file image has no /bin/sh: then Run and Output fail
// with ENOENT, for the caller to report.
package syscmd

import (
	"os"
	"syscall"
)

// shell is the system shell, as system(3) and popen(3) use it (a
// variable for the tests).
var shell = "/bin/sh"

// start forks shell -c cmd with standard input and error those of this
// process and standard output the file descriptor stdout.
func start(cmd string, stdout uintptr) (int, error) {
	return syscall.ForkExec(shell, []string{"sh", "-c", cmd}, &syscall.ProcAttr{
		Env: syscall.Environ(), Files: []uintptr{0, stdout, 2}})
}

// wait reaps process pid and returns its exit status, 128+N after signal N
// as a shell reports it.
func wait(pid int) int {
	var ws syscall.WaitStatus
	for {
		if _, err := syscall.Wait4(pid, &ws, 0, nil); err != syscall.EINTR {
			break
		}
	}
	if ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return ws.ExitStatus()
}

// Run runs cmd with this process's standard input, output and error and
// waits for it, as system(3): status is its exit status; err says only
// that the shell could not be started.
func Run(cmd string) (status int, err error) {
	pid, err := start(cmd, 1)
	if err != nil {
		return 0, err
	}
	return wait(pid), nil
}

// Pipe is a running command whose standard output is read through it.
type Pipe struct {
	r   *os.File // the pipe's read end
	pid int
}

// Read reads the command's output.
func (p *Pipe) Read(b []byte) (int, error) { return p.r.Read(b) }

// Output starts cmd with its standard output going to the returned Pipe,
// as popen(cmd, "r").
func Output(cmd string) (*Pipe, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	pid, err := start(cmd, w.Fd())
	w.Close()
	if err != nil {
		r.Close()
		return nil, err
	}
	return &Pipe{r: r, pid: pid}, nil
}

// Close closes the read end first, so that a command still writing ends
// (SIGPIPE) instead of blocking, then waits for it, as pclose(3); it
// returns the command's exit status.
func (p *Pipe) Close() int {
	p.r.Close()
	return wait(p.pid)
}
