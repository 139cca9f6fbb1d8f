// Command check compares testfixture logs of SQLite's CLI test files with the expected-failures list,
// or rewrites the list from them (-update). Each log is named after its test file (shell1.log for
// shell1.test). scripts/cli-suite runs it; see there.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hello-sqlite/hello-sqlite/test/clisuite"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "clisuite check:", err)
		os.Exit(1)
	}
}

func run(_ context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listPath := fs.String("list", "test/clisuite/expected-failures.txt", "expected-failures file")
	update := fs.Bool("update", false, "rewrite the list from these logs, keeping the reasons of kept entries")
	none := fs.Bool("none", false, "ignore the list: every test must pass (the stock shell's run)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("no logs given")
	}
	var list clisuite.List
	if !*none {
		data, err := os.ReadFile(*listPath)
		if err != nil && !(*update && errors.Is(err, os.ErrNotExist)) {
			return err
		}
		if list, err = clisuite.ParseList(bytes.NewReader(data)); err != nil {
			return fmt.Errorf("%s: %w", *listPath, err)
		}
	}
	var problems []string
	passed, failed := 0, 0
	for _, path := range fs.Args() {
		file := strings.TrimSuffix(filepath.Base(path), ".log") + ".test"
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		res, err := clisuite.ParseLog(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		p, n := 0, 0
		for _, t := range res.Tests {
			if t.Passed {
				p++
			} else {
				n++
			}
		}
		passed, failed = passed+p, failed+n
		state := ""
		if !res.Finished {
			state = " (did not finish)"
		}
		fmt.Fprintf(stdout, "%-12s %4d tests: %4d pass, %4d fail%s\n", file, p+n, p, n, state)
		if len(res.Tests) == 0 {
			problems = append(problems, file+": no test ran (is sqlite3 beside testfixture?)")
		}
		if *update {
			list = list.Update(file, res)
		} else {
			problems = append(problems, list.Compare(file, res)...)
		}
	}
	fmt.Fprintf(stdout, "%-12s %4d tests: %4d pass, %4d fail\n", "total", passed+failed, passed, failed)
	if *update {
		if err := os.WriteFile(*listPath, list.Format(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s\n", *listPath)
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(stderr, p)
		}
		return fmt.Errorf("%d differences from the expected failures", len(problems))
	}
	return nil
}
