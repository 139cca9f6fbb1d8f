// Package syscmd runs a command line through the system shell, /bin/sh -c,
// as the stock shell's system() (edit()) and popen() (.import "|CMD",
// .read "|CMD", .output "|CMD") do.
// It forks with syscall.ForkExec rather than os/exec or os.StartProcess:
// about 20 KB of binary against 60 KB and 220 KB, in a binary with no
// headroom. The one-file image has no /bin/sh: then Run and Output fail
// with ENOENT, for the caller to report.
package syscmd

import (
	"errors"
	"os"
	"syscall"
)

// shell is the system shell, as system(3) and popen(3) use it (a
// variable for the tests).
var shell = "/bin/sh"

// start forks shell -c cmd with standard input and output the file
// descriptors stdin and stdout and standard error this process's.
func start(cmd string, stdin, stdout uintptr) (int, error) {
	return syscall.ForkExec(shell, []string{"sh", "-c", cmd}, &syscall.ProcAttr{
		Env: syscall.Environ(), Files: []uintptr{stdin, stdout, 2}})
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
	pid, err := start(cmd, 0, 1)
	if err != nil {
		return 0, err
	}
	return wait(pid), nil
}

// Pipe is a running command whose standard output is read through it
// (Output) or whose standard input is written through it (Input).
type Pipe struct {
	f    *os.File // this process's end of the pipe
	pid  int
	gone bool // Write: the command stopped reading
}

// Read reads the command's output.
func (p *Pipe) Read(b []byte) (int, error) { return p.f.Read(b) }

// Write writes to the command's input. Once the command has stopped
// reading (EPIPE), the rest is dropped rather than reported, as output
// to a file that is not read: the stock shell would die of SIGPIPE.
func (p *Pipe) Write(b []byte) (int, error) {
	if !p.gone {
		_, err := p.f.Write(b)
		if errors.Is(err, syscall.EPIPE) {
			p.gone = true
		} else if err != nil {
			return 0, err
		}
	}
	return len(b), nil
}

// Output starts cmd with its standard output going to the returned Pipe,
// as popen(cmd, "r").
func Output(cmd string) (*Pipe, error) { return open(cmd, false) }

// Input starts cmd with its standard input coming from the returned Pipe
// and its standard output this process's, as popen(cmd, "w").
func Input(cmd string) (*Pipe, error) { return open(cmd, true) }

// open makes the pipe and starts cmd with the far end as its standard
// output or (write) input.
func open(cmd string, write bool) (*Pipe, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	mine, far := r, w
	stdin, stdout := uintptr(0), w.Fd()
	if write {
		mine, far = w, r
		stdin, stdout = r.Fd(), 1
	}
	pid, err := start(cmd, stdin, stdout)
	far.Close()
	if err != nil {
		mine.Close()
		return nil, err
	}
	return &Pipe{f: mine, pid: pid}, nil
}

// Close closes this process's end first, so that a command still writing
// ends (SIGPIPE) instead of blocking and one reading sees the end of its
// input, then waits for it, as pclose(3); it returns the command's exit
// status.
func (p *Pipe) Close() int {
	p.f.Close()
	return wait(p.pid)
}
