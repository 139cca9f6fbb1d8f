// Hello-sqlite is SQLite in one static file.
//
// With no arguments it stores the numbers 1 to 10 in an in-memory table and
// prints their sum, 55.
//
// (The shell's manual is written here as the shell is built.)
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set by the build: -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// usageError marks errors in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitCode prints err (if any) and picks the exit status.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "hello-sqlite: %s\n", ue.msg)
		fmt.Fprintln(stderr, "usage: hello-sqlite [OPTIONS] FILENAME [SQL...]  (hello-sqlite -help for more)")
		return 2
	}
	fmt.Fprintf(stderr, "hello-sqlite: %v\n", err)
	return 1
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return demo(stdout)
	}
	return runShell(newShell(ctx, stdin, stdout, stderr), args)
}
