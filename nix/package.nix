# hello-sqlite as one static file. flake.nix calls this through pkgsStatic on
# Linux (and through the native package set on darwin, for `nix run` only).
# With full = true it is the second build, hello-sqlite-full: -tags full adds
# FTS5, R*Tree and the embedded zone database (over the default's 8.0 MB).
{
  lib,
  stdenv,
  # Go 1.26 by name: go.mod needs it, and buildGoModule sets
  # GOTOOLCHAIN=local; the default Go of a nixpkgs branch may be older.
  buildGo126Module,
  perl,
  full ? false,
}:

let
  imageConfig = lib.importJSON ./image-config.json;

  # Which files reach the build: the same list tools/vendorhash reads, so the
  # vendorHash computed here and by Nix comes from the same source.
  goSource = lib.importJSON ./go-source.json;
  root = ../.;
  isGoRootFile =
    name: type:
    type == "regular"
    && (
      builtins.elem name goSource.rootFiles
      || lib.any (suffix: lib.hasSuffix suffix name) goSource.rootFileSuffixes
    );
  rootNames = lib.attrNames (lib.filterAttrs isGoRootFile (builtins.readDir root));
  optionalNames = goSource.optionalRootFiles ++ goSource.dirs;
  goFiles = lib.fileset.unions (
    map (name: root + "/${name}") rootNames
    ++ map (name: lib.fileset.maybeMissing (root + "/${name}")) optionalNames
  );

  # Go binaries from nixpkgs' Go carry store paths (see scrub-store-paths.pl);
  # on Linux they are overwritten and any reference left fails the build.
  # Darwin binaries are code-signed, so editing them is not an option there.
  scrub = stdenv.hostPlatform.isLinux;
in
buildGo126Module (
  finalAttrs:
  {
    pname = if full then "hello-sqlite-full" else "hello-sqlite";
    inherit (imageConfig) version;

    src = lib.fileset.toSource {
      inherit root;
      fileset = goFiles;
    };

    # Recompute offline with: go run ./tools/vendorhash -write nix/package.nix
    vendorHash = "sha256-7MKHWGGu3ky/k/0zZ90v3Zb1lfsTcPE993uEAml4/kU=";

    subPackages = [ "." ];

    env.CGO_ENABLED = 0;

    # No build tags by default: -tags full (FTS5, R*Tree and internal/timezone's
    # embedded zone database, +1.6 MB) does not fit the 8.0 MB budget, so it is
    # the second build (docs/size.md). vendor/ holds every tag's packages, so
    # both builds share one vendorHash.
    tags = lib.optionals full [ "full" ];

    # -linkmode=internal: the Go of pkgsStatic may default to the external
    # (musl cc) linker; without cgo, Go's own linker gives the same static
    # ELF as scripts/build-static with no C toolchain involved.
    #
    # -funcalign=16: functions start on 16-byte boundaries (Go's amd64 default
    # is 32; 16 is GCC's and Clang's, and arm64's already): -64 KB, the
    # workload's speed unchanged (docs/size.md). scripts/build-static and
    # scripts/check-nix pass the same.
    ldflags = [
      "-s"
      "-w"
      "-linkmode=internal"
      "-funcalign=16"
      "-X main.version=${finalAttrs.version}"
    ];

    # Size: no inlining except in the Wasm-translated engine, whose speed
    # depends on it: -143 KB, the workload's speed unchanged (docs/size.md).
    # Added in preBuild because buildGoModule's GOFLAGS argument collides with
    # the env.GOFLAGS it sets itself (make-derivation.nix refuses the overlap).
    # scripts/build-static and scripts/check-nix use the same two flags.
    preBuild = ''
      GOFLAGS+=" -gcflags=all=-l -gcflags=github.com/ncruces/go-sqlite3-wasm/v6="
    '';

    # -s -w already strip; strip(1) would only rewrite the file again.
    dontStrip = true;

    nativeBuildInputs = lib.optionals scrub [ perl ];

    postFixup = lib.optionalString scrub ''
      perl ${./scrub-store-paths.pl} ${builtins.storeDir} "$out/bin/hello-sqlite"
      if grep -q -a -F ${builtins.storeDir} "$out/bin/hello-sqlite"; then
        echo "hello-sqlite: $out/bin/hello-sqlite still names ${builtins.storeDir}" >&2
        exit 1
      fi
    '';

    meta = {
      description = imageConfig.labels."org.opencontainers.image.description";
      homepage = imageConfig.labels."org.opencontainers.image.source";
      license = lib.licenses.mit;
      mainProgram = "hello-sqlite";
      platforms = lib.platforms.linux ++ lib.platforms.darwin;
    };
  }
  // lib.optionalAttrs scrub {
    # No runtime dependency at all: the image layer holds the binary alone.
    allowedReferences = [ ];
  }
)
