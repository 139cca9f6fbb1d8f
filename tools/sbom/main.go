// Command sbom writes an SPDX 2.3 JSON software bill of materials for a
// hello-sqlite binary: the Go toolchain and modules from its build
// information, and the SQLite version and source id it carries.
//
//	sbom [-name NAME] [-version VERSION] [-license SPDX-EXPR] [-o FILE] BINARY
//
// It reads the binary and never runs it, so it works on a cross-built arm64
// binary and inside the Nix build sandbox. The creation time is
// SOURCE_DATE_EPOCH when set (Nix sets it), so the output is reproducible.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"
)

// toolVersion names this generator in creationInfo.creators.
const toolVersion = "hello-sqlite-sbom-1"

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Getenv); err != nil {
		fmt.Fprintf(os.Stderr, "sbom: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("sbom", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	name := fs.String("name", "hello-sqlite", "application name")
	version := fs.String("version", "", "application version (default: the main module's version)")
	license := fs.String("license", noAssertion, "application license, an SPDX expression")
	namespace := fs.String("namespace", "https://github.com/hello-sqlite/hello-sqlite/spdx", "documentNamespace prefix")
	out := fs.String("o", "-", "output file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: sbom [-name NAME] [-version VERSION] [-license SPDX] [-o FILE] BINARY")
	}
	created, err := creationTime(getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return err
	}
	facts, err := inspect(fs.Arg(0))
	if err != nil {
		return err
	}
	if *version == "" {
		*version = facts.Build.Main.Version
	}
	doc := newSPDX(facts, options{
		Name: *name, Version: *version, License: *license,
		Created: created, Namespace: *namespace, Tool: toolVersion,
	})
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if *out == "-" {
		_, err = stdout.Write(data)
		return err
	}
	return os.WriteFile(*out, data, 0o644)
}

// creationTime is SOURCE_DATE_EPOCH (reproducible builds' convention) or now.
func creationTime(epoch string) (time.Time, error) {
	if epoch == "" {
		return time.Now().UTC().Truncate(time.Second), nil
	}
	sec, err := strconv.ParseInt(epoch, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", epoch)
	}
	return time.Unix(sec, 0).UTC(), nil
}
