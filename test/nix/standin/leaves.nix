# The leaf packages of the stand-in nixpkgs: each is a store path of links
# to one of this machine's tools (host.json says where they are), so a build
# with the sandbox off runs them. Everything that builds on them (stdenv,
# buildGoModule, dockerTools, runCommand) is nixpkgs' own code.
{
  lib,
  pkgs,
  stdenv,
  host,
}:

let
  inherit (stdenv) buildPlatform targetPlatform;

  # A derivation whose bin/ links the named host executables; with a
  # setup hook when given (setup.sh sources nix-support/setup-hook).
  hostTool =
    {
      name,
      bins ? [ ],
      setupHook ? "",
      extraCommands ? "",
      meta ? { },
      passthru ? { },
      env ? { },
    }:
    let
      drv = derivation (
        env
        // {
          inherit name setupHook extraCommands;
          inherit (buildPlatform) system;
          builder = "/bin/sh";
          links = map (bin: "${host.tools.${bin}} ${bin}") bins;
          args = [
            "-ec"
            ''
              /bin/mkdir -p "$out/bin" "$out/nix-support"
              set -- $links
              while [ $# -gt 0 ]; do /bin/ln -s "$1" "$out/bin/$2"; shift 2; done
              if [ -n "$setupHook" ]; then printf '%s\n' "$setupHook" > "$out/nix-support/setup-hook"; fi
              eval "$extraCommands"
            ''
          ];
        }
      );
    in
    drv
    // passthru
    // {
      meta = {
        mainProgram = lib.head (bins ++ [ name ]);
        platforms = lib.platforms.all;
      }
      // meta;
    };

  # Evaluated (flake check) but never built here.
  evalOnly = name: hostTool { inherit name; };

  notStoodIn = name: throw "stand-in nixpkgs: ${name} is not stood in (not needed by this flake)";

  # The Go of pkgs/development/compilers/go/1.26.nix as its users see it:
  # GOOS/GOARCH of the platform it targets and its CGO_ENABLED default. It
  # runs the machine's Go (host.json) instead of nixpkgs' patched,
  # source-built Go; when host.json names a shared build cache, every build
  # uses it (buildGoModule points GOCACHE at a fresh $TMPDIR/go-cache), so
  # the package is compiled once per test run, not once per derivation.
  # test/nix/level2 makes that folder writable for the nixbld group.
  goWrapper = ''
    #!/bin/sh
    ${
      lib.optionalString (host.goCache or "" != "") "export GOCACHE=${host.goCache}\n"
    }exec ${host.tools.go} "$@"
  '';
  go_1_26 = hostTool {
    name = "go-standin-1.26";
    bins = [ "gofmt" ];
    extraCommands = ''
      printf '%s' "$goWrapper" > "$out/bin/go"
      /bin/chmod +x "$out/bin/go"
    '';
    meta.mainProgram = "go";
    meta.platforms =
      lib.platforms.darwin ++ lib.platforms.linux ++ lib.platforms.wasi ++ lib.platforms.freebsd;
    env = { inherit goWrapper; };
    passthru = {
      inherit (targetPlatform.go) GOOS GOARCH GOARM;
      CGO_ENABLED =
        if (targetPlatform.isWasi || (targetPlatform.isPower64 && targetPlatform.isBigEndian)) then
          0
        else
          1;
    };
  };
in
{
  inherit go_1_26;
  go_1_25 = notStoodIn "go_1_25";
  go_1_27 = notStoodIn "go_1_27";

  runtimeShell = "/bin/bash";
  bash = hostTool {
    name = "bash";
    bins = [ "bash" ];
  };
  coreutils = hostTool { name = "coreutils"; };
  perl = hostTool {
    name = "perl";
    bins = [ "perl" ];
  };
  jq = hostTool {
    name = "jq";
    bins = [ "jq" ];
  };
  jshon = hostTool {
    name = "jshon";
    bins = [ "jshon" ];
  };
  rsync = hostTool {
    name = "rsync";
    bins = [ "rsync" ];
  };
  pigz = hostTool {
    name = "pigz";
    bins = [ "pigz" ];
  };
  moreutils = hostTool {
    name = "moreutils";
    bins = [ "sponge" ];
  };
  gitMinimal = hostTool { name = "git-minimal"; };
  # Its setup hook points NIX_SSL_CERT_FILE at the bundle, as nixpkgs' does.
  cacert = hostTool {
    name = "cacert";
    setupHook = "export NIX_SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt";
  };
  # tarsum.nix links moby's daemon/builder/remotecontext/internal/tarsum;
  # Debian's golang-github-docker-docker-dev holds the same package as
  # pkg/tarsum (stdlib only).
  docker = {
    moby-src = hostTool {
      name = "moby-src-tarsum";
      extraCommands = ''
        /bin/mkdir -p "$out/daemon/builder/remotecontext/internal"
        /bin/cp -r ${host.tarsumSource} "$out/daemon/builder/remotecontext/internal/tarsum"
      '';
    };
  };
  # nixfmt: the real nixfmt 1.4.0 (../shared/bin/nixfmt).
  nixfmt = hostTool {
    name = "nixfmt";
    bins = [ "nixfmt" ];
  };
  nixfmt-tree = evalOnly "nixfmt-tree";
  gopls = evalOnly "gopls";
  sqlite = evalOnly "sqlite";
  actionlint = evalOnly "actionlint";
  lndir = evalOnly "lndir";
  shellcheck-minimal = evalOnly "shellcheck-minimal";
  zstd = evalOnly "zstd";

  # pkgs/build-support/mkshell is not among the parts: the same derivation
  # shape (a shell's inputs on nativeBuildInputs, no build).
  mkShell =
    {
      name ? "nix-shell",
      packages ? [ ],
      ...
    }@args:
    stdenv.mkDerivation (
      removeAttrs args [ "packages" ]
      // {
        inherit name;
        nativeBuildInputs = (args.nativeBuildInputs or [ ]) ++ packages;
        phases = [ "buildPhase" ];
        buildPhase = "echo 'use nix develop' > $out";
      }
    );

  # Arguments of dockerTools (pkgs/build-support/docker/default.nix) that
  # buildImage without runAsRoot never uses.
  closureInfo = notStoodIn "closureInfo";
  devShellTools = notStoodIn "devShellTools";
  e2fsprogs = notStoodIn "e2fsprogs";
  fakeNss = notStoodIn "fakeNss";
  fakeroot = notStoodIn "fakeroot";
  file = notStoodIn "file";
  makeWrapper = notStoodIn "makeWrapper";
  nix = notStoodIn "nix";
  nixosTests = notStoodIn "nixosTests";
  proot = notStoodIn "proot";
  shadow = notStoodIn "shadow";
  skopeo = notStoodIn "skopeo";
  util-linux = notStoodIn "util-linux";
  vmTools = notStoodIn "vmTools";
  writers = notStoodIn "writers";
}
