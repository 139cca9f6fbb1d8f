package lineedit

import (
	"os"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// pump feeds liner. liner reads os.Stdin as it was when NewLiner ran (New
// makes that a pipe's read end) and sets the terminal's mode on fd 0
// itself. The pump reads fd 0, passes the bytes through a pasteFilter and
// writes them to the pipe, but reads fd 0 only while a ReadLine is in
// progress (armed): between prompts what is typed stays in the terminal
// for whoever reads it then (a .shell child, the next prompt). Bytes
// already forwarded wait in the pipe for the next prompt, as they would in
// liner's own read-ahead.
type pump struct {
	r     *os.File // what liner reads
	w     int      // the pipe's write end, non-blocking
	wakeR int      // a byte here: armed or closing changed
	wakeW int
	done  chan struct{}

	mu       sync.Mutex
	armed    bool
	closing  bool
	wClosed  bool          // w closed after end of input
	nextW    int           // renew: the new pipe's write end, for run to take (-1: none)
	switched chan struct{} // closed when run has taken nextW
}

// escapeWait is how long a chunk ending in part of pasteStart waits for
// the rest (well under liner's 50 ms for an Escape sequence).
const escapeWait = 25 * time.Millisecond

func newPump() (*pump, error) {
	p, err := pipe()
	if err != nil {
		return nil, err
	}
	wake, err := pipe()
	if err != nil {
		unix.Close(p[0])
		unix.Close(p[1])
		return nil, err
	}
	unix.SetNonblock(p[1], true)
	unix.SetNonblock(wake[0], true)
	unix.SetNonblock(wake[1], true)
	pu := &pump{r: os.NewFile(uintptr(p[0]), "lineedit input"), w: p[1], wakeR: wake[0], wakeW: wake[1], done: make(chan struct{}), nextW: -1}
	go pu.run()
	return pu, nil
}

// pipe is a pipe that no child inherits (pipe2 is not on darwin).
func pipe() (p [2]int, err error) {
	syscall.ForkLock.RLock()
	defer syscall.ForkLock.RUnlock()
	if err = unix.Pipe(p[:]); err == nil {
		unix.CloseOnExec(p[0])
		unix.CloseOnExec(p[1])
	}
	return p, err
}

// arm starts (true) or stops reading fd 0.
func (p *pump) arm(on bool) {
	p.mu.Lock()
	p.armed = on
	p.mu.Unlock()
	unix.Write(p.wakeW, []byte{0})
}

// stop ends the pump and frees its pipes. When a ReadLine is still in
// progress (Close from a signal path) liner keeps its pipe: at its end of
// input liner would put its raw mode back after Restore.
func (p *pump) stop() {
	p.mu.Lock()
	p.closing = true
	reading := p.armed
	p.mu.Unlock()
	unix.Write(p.wakeW, []byte{0})
	<-p.done
	unix.Close(p.wakeR)
	unix.Close(p.wakeW)
	if !reading {
		p.r.Close()
		if !p.wClosed {
			unix.Close(p.w)
		}
	}
}

// renew moves the pump to a new pipe and returns its read end, for a new
// liner State (Editor.renew): the old pipe's write end is closed, so that
// whoever still reads the old one sees its end, and the bytes not yet
// written go to the new one.
func (p *pump) renew() (*os.File, error) {
	np, err := pipe()
	if err != nil {
		return nil, err
	}
	unix.SetNonblock(np[1], true)
	p.mu.Lock()
	ended := p.wClosed
	if !ended {
		p.nextW, p.switched = np[1], make(chan struct{})
	}
	switched := p.switched
	p.mu.Unlock()
	if !ended {
		unix.Write(p.wakeW, []byte{0})
		select {
		case <-switched:
		case <-p.done: // stopped meanwhile
			p.mu.Lock()
			ended = p.nextW == np[1]
			p.nextW = -1
			p.mu.Unlock()
		}
	}
	if ended { // no more input: the new pipe has none either
		unix.Close(np[1])
	}
	old := p.r
	p.r = os.NewFile(uintptr(np[0]), "lineedit input")
	old.Close()
	return p.r, nil
}

// takeNextW switches run to the pipe renew made, if any; p.mu is held.
func (p *pump) takeNextW() {
	if p.nextW < 0 {
		return
	}
	unix.Close(p.w)
	p.w, p.nextW = p.nextW, -1
	close(p.switched)
}

func (p *pump) run() {
	defer close(p.done)
	var (
		f        pasteFilter
		out      []byte // filtered, not yet in the pipe
		eof      bool
		holdEnds time.Time
		buf      = make([]byte, 4096)
	)
	for {
		p.mu.Lock()
		p.takeNextW()
		armed, closing := p.armed, p.closing
		p.mu.Unlock()
		if closing {
			return
		}
		if eof && len(out) == 0 {
			p.mu.Lock()
			unix.Close(p.w) // liner reads the end of input
			p.wClosed = true
			p.mu.Unlock()
			return
		}
		fds := []unix.PollFd{{Fd: int32(p.wakeR), Events: unix.POLLIN}}
		if armed && !eof && len(out) < 1<<16 {
			fds = append(fds, unix.PollFd{Fd: 0, Events: unix.POLLIN})
		}
		if len(out) > 0 {
			fds = append(fds, unix.PollFd{Fd: int32(p.w), Events: unix.POLLOUT})
		}
		timeout := -1
		if f.holding() {
			left := time.Until(holdEnds)
			if left <= 0 {
				out = f.flush(out)
				continue
			}
			timeout = int((left + time.Millisecond - 1) / time.Millisecond)
		}
		if _, err := unix.Poll(fds, timeout); err != nil {
			if err == unix.EINTR {
				continue
			}
			eof = true
			out = f.flush(out)
			continue
		}
		for _, fd := range fds {
			if fd.Revents == 0 {
				continue
			}
			switch int(fd.Fd) {
			case p.wakeR:
				unix.Read(p.wakeR, buf)
			case p.w:
				n, err := unix.Write(p.w, out)
				if n > 0 {
					out = out[n:]
				}
				if err != nil && err != unix.EAGAIN && err != unix.EINTR {
					out = nil // liner's end is gone
				}
			case 0:
				p.mu.Lock()
				armed = p.armed
				p.mu.Unlock()
				if !armed { // disarmed during poll: not ours
					continue
				}
				n, err := unix.Read(0, buf)
				switch {
				case n > 0:
					out = f.feed(out, buf[:n])
					if f.holding() {
						holdEnds = time.Now().Add(escapeWait)
					}
				case err == unix.EINTR || err == unix.EAGAIN:
				default: // end of input (a hang-up) or an error: liner sees EOF
					eof = true
					out = f.flush(out)
				}
			}
		}
	}
}
