# A stand-in nixpkgs made of nixpkgs' own files (parts: a copy of
# ../shared/nixpkgs-parts): the real lib, the real stdenv (generic/default.nix,
# make-derivation.nix, setup.sh and its hooks), buildGoModule (go/module.nix),
# dockerTools, the trivial builders and the lines of all-packages.nix that
# wire them. Only leaf packages stand in (./leaves.nix): links to this
# machine's tools, so a build runs them with the sandbox off.
{
  parts,
  host,
}:

let
  lib = import (parts + "/lib");
  config = import ./config.nix;

  # pkgs/stdenv/generic/default.nix, called as pkgs/stdenv/linux calls it for
  # its last stage, minus the C compiler: the tools come from initialPath.
  stdenvFor =
    platforms:
    import (parts + "/pkgs/stdenv/generic") { defaultConfig = config; } (
      platforms
      // {
        name = "stdenv-standin";
        cc = null;
        fetchurlBoot = null;
        initialPath = [
          "/usr"
          "/"
        ];
        shell = "/bin/bash";
        inherit config;
      }
    );

  # One package set: platforms as pkgs/top-level/stage.nix gives them;
  # buildPackages is the set whose host is this set's build platform.
  packageSet =
    {
      platforms,
      buildPackages ? null,
      variants,
    }:
    lib.fix (
      self:
      let
        callPackage = lib.callPackageWith self;
        stdenv = stdenvFor platforms;
        trivialBuilders = import (parts + "/pkgs/build-support/trivial-builders") {
          inherit lib stdenv config;
          inherit (self)
            jq
            lndir
            runtimeShell
            shellcheck-minimal
            stdenvNoCC
            ;
        };
      in
      trivialBuilders
      # buildGoModule = buildGo126Module, dockerTools, go = go_1_26: verbatim
      # lines of all-packages.nix.
      // import (parts + "/pkgs/top-level/all-packages.excerpt.nix") self
      // import ./leaves.nix {
        inherit lib stdenv host;
        pkgs = self;
      }
      // {
        inherit lib config stdenv;
        stdenvNoCC = stdenv;
        inherit callPackage;
        callPackages = lib.callPackagesWith self;
        newScope = extra: lib.callPackageWith (self // extra);
        buildPackages = if buildPackages == null then self else buildPackages;
        pkgsBuildBuild = self.buildPackages;
        tarsum = callPackage (parts + "/pkgs/build-support/docker/tarsum.nix") { };
      }
      // variants self
    );

  # pkgs/top-level/stage.nix's pkgsStatic: a cross set whose host is the
  # musl variant of the native platform (on Linux) with isStatic = true.
  staticCrossSystem = native: {
    config = lib.systems.parse.tripleFromSystem (
      if native.isLinux then lib.systems.parse.mkMuslSystem native.parsed else native.parsed
    );
    gcc =
      lib.optionalAttrs (native.system == "powerpc64-linux") { abi = "elfv2"; } // native.gcc or { };
    isStatic = true;
  };

  nativeSet =
    system:
    let
      platform = lib.systems.elaborate system;
      native = packageSet {
        platforms = {
          buildPlatform = platform;
          hostPlatform = platform;
          targetPlatform = platform;
        };
        variants = self: { pkgsStatic = static; };
      };
      staticPlatform = lib.systems.elaborate (staticCrossSystem platform);
      # The build tools of pkgsStatic: run on this machine, target musl
      # (its go is buildPackages.go_1_26, so GOOS/GOARCH come from here).
      staticBuild = packageSet {
        platforms = {
          buildPlatform = platform;
          hostPlatform = platform;
          targetPlatform = staticPlatform;
        };
        buildPackages = native;
        variants = self: { };
      };
      static = packageSet {
        platforms = {
          buildPlatform = platform;
          hostPlatform = staticPlatform;
          targetPlatform = staticPlatform;
        };
        buildPackages = staticBuild;
        variants = self: {
          pkgsStatic = self;
          pkgsMusl = self;
        };
      };
    in
    native;

  systems = [
    "x86_64-linux"
    "aarch64-linux"
    "aarch64-darwin"
  ];
in
{
  inherit lib;
  legacyPackages = lib.genAttrs systems nativeSet;
}
