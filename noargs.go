package main

import (
	"io"

	"github.com/hello-sqlite/hello-sqlite/internal/term"
)

// Without arguments the program is the demo for "nix run" and "docker run
// IMAGE" (stdin a terminal, /dev/null or empty), and the stock shell with
// no FILENAME when something is piped in ("hello-sqlite < script.sql":
// an in-memory database running the script).

// peekedStdin is stdin after its first byte was read to tell a script from
// no input; that byte is read again first.
type peekedStdin struct {
	first []byte // the byte read, until it is read again
	io.Reader
}

func (p *peekedStdin) Read(b []byte) (int, error) {
	if len(p.first) == 0 || len(b) == 0 {
		return p.Reader.Read(b)
	}
	b[0], p.first = p.first[0], nil
	return 1, nil
}

// noArgsInput tells what a run without arguments does: the demo (true), or
// the shell reading the script from the returned reader. Unless stdin is a
// terminal it reads one byte of it; end of input (or a read error, as from
// a closed stdin) means there is nothing to run.
func noArgsInput(stdin io.Reader) (io.Reader, bool) {
	if _, ok := stdin.(*peekedStdin); ok {
		return stdin, false
	}
	if term.IsTerminal(stdin) {
		return stdin, true
	}
	b := make([]byte, 1)
	if _, err := io.ReadFull(stdin, b); err != nil {
		return stdin, true
	}
	return &peekedStdin{b, stdin}, false
}
