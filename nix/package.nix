# hello-sqlite as one static file. flake.nix calls this through pkgsStatic on
# Linux (and through the native package set on darwin, for `nix run` only).
{
  lib,
  stdenv,
  # Go 1.26 by name: go.mod needs it, and buildGoModule sets
  # GOTOOLCHAIN=local; the default Go of a nixpkgs branch may be older.
  buildGo126Module,
  perl,
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
    pname = "hello-sqlite";
    inherit (imageConfig) version;

    src = lib.fileset.toSource {
      inherit root;
      fileset = goFiles;
    };

    # Recompute offline with: go run ./tools/vendorhash -write nix/package.nix
    vendorHash = "sha256-laDTnpYd2tyxShYQgK9Z+BIG/rkLQdJxBdxGZd6+AYw=";

    subPackages = [ "." ];

    env.CGO_ENABLED = 0;

    # No build tags. The image has no /usr/share/zoneinfo: internal/timezone
    # embeds the zone database gzip-compressed (-tags timetzdata would add
    # 0.25 MB more). -tags full (FTS5, R*Tree: +1.7 MB) is not this output.
    tags = [ ];

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
