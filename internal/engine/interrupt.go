package engine

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// Signals. SIGINT, SIGTERM and SIGQUIT cancel the run's context with an
// InterruptError cause. The connection's interrupt context is that context
// (or one derived from it), so SQLite's progress handler, which the driver
// polls every 1000 virtual-machine steps, stops the running statement within
// milliseconds; SQLite rolls the statement (or its transaction) back, the
// shell closes the database and exits 130 (SIGINT) or 143 (SIGTERM), like a
// POSIX shell reports a process killed by those signals. Because the handler
// is installed with signal.Notify, this also works as PID 1 in a container,
// where the kernel would otherwise ignore SIGINT/SIGTERM.
//
// In interactive mode (stdin a terminal) SIGINT only interrupts the running
// statement, or drops a half-typed one, as in the stock shell.

// InterruptError is the cause of a run stopped by a signal.
type InterruptError struct{ Sig syscall.Signal }

func (e InterruptError) Error() string {
	switch e.Sig {
	case syscall.SIGTERM:
		return "terminated (SIGTERM)"
	case syscall.SIGQUIT:
		return "quit (SIGQUIT)"
	}
	return "interrupted (SIGINT)"
}

// ExitStatus is 128 + the signal number, as shells report it.
func (e InterruptError) ExitStatus() int { return 128 + int(e.Sig) }

// sigHub routes the signals of one run. It travels in the run's context so
// that tests calling run() directly need no process-wide state.
type sigHub struct {
	mu     sync.Mutex
	onInt  func() // set in interactive mode: SIGINT calls it instead of stopping the run
	onExit func() // set while the line editor holds the terminal: restores it before a forced exit
	cancel context.CancelCauseFunc
}

type sigHubKey struct{}

// SignalContext returns a context cancelled with an InterruptError cause on
// SIGINT or SIGTERM (SIGINT is diverted in interactive mode, see
// SetInterruptHook), and a function that stops listening.
func SignalContext(parent context.Context) (context.Context, func()) {
	hub := &sigHub{}
	ctx, cancel := context.WithCancelCause(context.WithValue(parent, sigHubKey{}, hub))
	hub.cancel = cancel
	ch := make(chan os.Signal, 4)
	// SIGQUIT (Ctrl-\, docker kill -s QUIT) would make the Go runtime dump
	// every goroutine's stack; here it stops the run like SIGTERM (exit 131).
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM, syscall.SIGQUIT)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case sig := <-ch:
				hub.deliver(sig.(syscall.Signal))
			case <-done:
				return
			}
		}
	}()
	go watchdog(ctx, done)
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}

// forceExitAfter bounds how long the shell may take to stop after a signal.
// SQLite's progress handler stops a statement within milliseconds, but a
// write to a pipe nobody reads blocks for ever; then the process exits
// anyway, which is as safe for the database as a crash (SQLite's journal or
// WAL keeps it sound). So the shell always ends within 1 s of a signal,
// well inside "docker stop"'s 10 s grace.
const forceExitAfter = 500 * time.Millisecond

// watchdog ends the process forceExitAfter a signal stopped the run, unless
// the run ended first (done).
func watchdog(ctx context.Context, done <-chan struct{}) {
	select {
	case <-ctx.Done():
	case <-done:
		return
	}
	var ie InterruptError
	if !errors.As(context.Cause(ctx), &ie) {
		return
	}
	select {
	case <-time.After(forceExitAfter):
		if hub, ok := ctx.Value(sigHubKey{}).(*sigHub); ok {
			hub.mu.Lock()
			restore := hub.onExit
			hub.mu.Unlock()
			if restore != nil {
				restore()
			}
		}
		fmt.Fprintf(os.Stderr, "hello-sqlite: %s: forced exit after %v\n", ie, forceExitAfter)
		os.Exit(ie.ExitStatus())
	case <-done:
	}
}

func (h *sigHub) deliver(sig syscall.Signal) {
	h.mu.Lock()
	onInt := h.onInt
	h.mu.Unlock()
	if sig == syscall.SIGINT && onInt != nil {
		onInt()
		return
	}
	h.cancel(InterruptError{Sig: sig})
}

// SetInterruptHook makes SIGINT call fn instead of stopping the run (nil
// restores that). It reports false when ctx does not come from
// SignalContext (tests), where there are no signals to divert.
func SetInterruptHook(ctx context.Context, fn func()) bool {
	hub, ok := ctx.Value(sigHubKey{}).(*sigHub)
	if !ok {
		return false
	}
	hub.mu.Lock()
	hub.onInt = fn
	hub.mu.Unlock()
	return true
}

// SetRestoreHook makes a forced exit after a signal call fn first (nil:
// nothing), so that the terminal is never left in raw mode.
func SetRestoreHook(ctx context.Context, fn func()) {
	if hub, ok := ctx.Value(sigHubKey{}).(*sigHub); ok {
		hub.mu.Lock()
		hub.onExit = fn
		hub.mu.Unlock()
	}
}

// Interruption returns the error that ends the run when ctx was cancelled
// by a signal (its InterruptError cause), or nil. An INTERRUPT from a
// per-statement Ctrl-C in interactive mode is an ordinary error.
func Interruption(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	// Whatever failed after the run was cancelled failed because of it.
	return context.Cause(ctx)
}
