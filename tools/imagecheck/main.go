// Imagecheck verifies what nix/image.nix promises about the image, on the
// docker-archive itself (`nix build .#image` gives a gzip'd one, `docker save`
// a plain one): exactly one layer holding exactly one regular file,
// /hello-sqlite, executable, a static ELF for the right CPU, with no /nix
// inside and no store path in the binary; Entrypoint, User, WorkingDir, Env,
// labels, the fixed `created` and RepoTags as nix/image-config.json says.
//
//	imagecheck -config nix/image-config.json [-name NAME] [-tag TAG] [-arch amd64] ARCHIVE
//	imagecheck -binary FILE [-arch amd64]
//
// Stdlib only, so `nix flake check` builds it offline from this repository.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("imagecheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	configPath := fs.String("config", "nix/image-config.json", "the image's promises")
	name := fs.String("name", "", "expected image name; default: the config's (hello-sqlite-full for the full build)")
	tag := fs.String("tag", "", "expected tag (RepoTags is NAME:TAG); default: the version")
	arch := fs.String("arch", runtime.GOARCH, "expected architecture (GOARCH name)")
	created := fs.String("created", "", "expected created time; default: the config's fixed one")
	binary := fs.Bool("binary", false, "check one executable file instead of an image archive")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: imagecheck [-config FILE] [-name NAME] [-tag TAG] [-arch ARCH] ARCHIVE | imagecheck -binary [-arch ARCH] FILE")
		return 2
	}
	path := fs.Arg(0)
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "imagecheck: %v\n", err)
		return 1
	}
	var problems []string
	if *binary {
		problems = checkBinary(data, *arch)
	} else {
		cfg, err := readImageConfig(*configPath)
		if err != nil {
			fmt.Fprintf(stderr, "imagecheck: %v\n", err)
			return 1
		}
		if *name != "" {
			cfg.Name = *name
		}
		want := expectationFor(cfg, *tag, *arch)
		if *created != "" {
			want.Created = *created
		}
		problems = checkArchive(data, want)
	}
	for _, p := range problems {
		fmt.Fprintf(stderr, "imagecheck: %s: %s\n", path, p)
	}
	if len(problems) > 0 {
		return 1
	}
	fmt.Fprintf(stdout, "imagecheck: %s: ok\n", path)
	return 0
}
