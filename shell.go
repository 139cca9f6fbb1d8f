package main

import (
	"context"
	"io"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// shell is one session of the sqlite3-compatible shell: the open database,
// the output settings that dot-commands change, and where text goes.
type shell struct {
	ctx    context.Context
	db     *sqlite3.Conn
	dbName string // as given on the command line or to .open

	stdin  io.Reader
	stdout io.Writer // the process's standard output
	stderr io.Writer
	out    io.Writer // current output: stdout, or a file from .output/.once

	// output settings (.mode, .headers, .separator, .nullvalue)
	mode      string // list, csv, json, line, table, box, markdown, ...
	headers   bool
	colSep    string
	rowSep    string
	nullValue string

	bail     bool // stop at the first error
	echo     bool // print each command before running it
	readonly bool
	batch    bool // -batch: not interactive even on a terminal

	errors int // errors seen so far; the exit status is 1 if any
}

// newShell returns a shell with the stock shell's defaults.
func newShell(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer) *shell {
	return &shell{
		ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, out: stdout,
		mode: "list", colSep: "|", rowSep: "\n",
	}
}

// runSQL prepares and runs each statement of sql in turn, printing the rows
// of those that return any. It stops at the first error.
func (s *shell) runSQL(sql string) error {
	for {
		sql = strings.TrimLeft(sql, " \t\r\n;")
		if sql == "" {
			return nil
		}
		stmt, tail, err := s.db.Prepare(sql)
		if err != nil {
			return err
		}
		if stmt == nil { // only a comment or white space
			sql = tail
			continue
		}
		err = s.printStatement(stmt)
		if cerr := stmt.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		sql = tail
	}
}
