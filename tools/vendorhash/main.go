// Vendorhash recomputes the vendorHash of nix/package.nix offline, the way
// buildGoModule's goModules fixed-output derivation computes it: `go mod
// vendor` in a clean copy of the Nix source, then the NAR sha256 of vendor/.
//
//	vendorhash [-root DIR]               print the hash
//	vendorhash [-root DIR] -check FILE   fail when FILE's vendorHash differs
//	vendorhash [-root DIR] -write FILE   update FILE's vendorHash
//	vendorhash -nar PATH                 print the NAR hash of any path
//	vendorhash -keep DIR ...             also leave the vendored source copy in DIR
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	root := flag.String("root", ".", "repository root (holds go.mod and nix/go-source.json)")
	check := flag.String("check", "", "Nix file whose vendorHash must equal the computed one")
	write := flag.String("write", "", "Nix file whose vendorHash is replaced by the computed one")
	nar := flag.String("nar", "", "only print the SRI NAR sha256 of this path")
	keep := flag.String("keep", "", "leave the vendored copy of the Nix source in this new directory")
	flag.Parse()
	if err := run(*root, *check, *write, *nar, *keep); err != nil {
		fmt.Fprintf(os.Stderr, "vendorhash: %v\n", err)
		os.Exit(1)
	}
}

func run(root, check, write, nar, keep string) error {
	if nar != "" {
		h, err := narHashSRI(nar)
		if err != nil {
			return err
		}
		fmt.Println(h)
		return nil
	}
	got, err := vendorHashKeep(root, keep)
	if err != nil {
		return err
	}
	switch {
	case check != "":
		text, err := os.ReadFile(check)
		if err != nil {
			return err
		}
		want, err := readVendorHash(text)
		if err != nil {
			return fmt.Errorf("%s: %v", check, err)
		}
		if want != got {
			return fmt.Errorf("%s: vendorHash is %q but go.mod/go.sum give %q (run: go run ./tools/vendorhash -write %s)", check, want, got, check)
		}
		fmt.Printf("%s: vendorHash %s matches\n", check, got)
	case write != "":
		text, err := os.ReadFile(write)
		if err != nil {
			return err
		}
		updated, err := replaceVendorHash(text, got)
		if err != nil {
			return fmt.Errorf("%s: %v", write, err)
		}
		if err := os.WriteFile(write, updated, 0o644); err != nil {
			return err
		}
		fmt.Printf("%s: vendorHash = %s\n", write, got)
	default:
		fmt.Println(got)
	}
	return nil
}
