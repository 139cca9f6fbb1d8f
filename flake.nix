{
  description = "SQLite in one static file: a demo that prints 55 and a sqlite3-compatible shell";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs =
    { self, nixpkgs }:
    let
      inherit (nixpkgs) lib;

      # Static binaries and images are Linux things. On macOS the flake gives
      # `nix run`, the dev shell and the formatter, with a native build.
      linuxSystems = [
        "x86_64-linux"
        "aarch64-linux"
      ];
      darwinSystems = [ "aarch64-darwin" ];
      allSystems = linuxSystems ++ darwinSystems;

      eachSystem = systems: f: lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});

      inherit (lib.importJSON ./nix/image-config.json) name version;
      # The second build (-tags full: FTS5, R*Tree, the zone database), over
      # the default's 8.0 MB budget: its own package and image name.
      fullName = "${name}-full";

      linuxPackages =
        pkgs:
        let
          # The native package set's Go (from the binary cache) with GOARCH
          # set: a pure-Go cross build, for either CPU from either machine.
          forGoArch =
            goArch:
            import ./nix/goarch.nix {
              package = pkgs.callPackage ./nix/package.nix { };
              inherit goArch;
            };
          imageOf =
            package: architecture: tag:
            pkgs.callPackage ./nix/image.nix {
              hello-sqlite = package;
              inherit architecture tag;
            };
          default = pkgs.pkgsStatic.callPackage ./nix/package.nix { };
          full = pkgs.pkgsStatic.callPackage ./nix/package.nix { full = true; };
          binary-amd64 = forGoArch "amd64";
          binary-arm64 = forGoArch "arm64";
        in
        {
          inherit
            default
            full
            binary-amd64
            binary-arm64
            ;
          sbom = pkgs.callPackage ./nix/sbom.nix { hello-sqlite = default; };
          sbom-arm64 = pkgs.callPackage ./nix/sbom.nix { hello-sqlite = binary-arm64; };
          image = imageOf default pkgs.stdenv.hostPlatform.go.GOARCH version;
          image-amd64 = imageOf binary-amd64 "amd64" "${version}-amd64";
          image-arm64 = imageOf binary-arm64 "arm64" "${version}-arm64";
          image-full = pkgs.callPackage ./nix/image.nix {
            hello-sqlite = full;
            name = fullName;
            architecture = pkgs.stdenv.hostPlatform.go.GOARCH;
            tag = version;
          };
        };

      darwinPackages =
        pkgs:
        let
          default = pkgs.callPackage ./nix/package.nix { };
        in
        {
          inherit default;
          full = pkgs.callPackage ./nix/package.nix { full = true; };
          sbom = pkgs.callPackage ./nix/sbom.nix { hello-sqlite = default; };
        };

      packagesOf = pkgs: self.packages.${pkgs.stdenv.hostPlatform.system};
    in
    {
      packages = eachSystem linuxSystems linuxPackages // eachSystem darwinSystems darwinPackages;

      devShells = eachSystem allSystems (pkgs: {
        default = pkgs.mkShell {
          packages = [
            pkgs.go_1_26
            pkgs.gopls
            pkgs.sqlite
            pkgs.nixfmt
            pkgs.actionlint
            pkgs.perl
          ];
        };
      });

      formatter = eachSystem allSystems (pkgs: pkgs.nixfmt-tree);

      checks =
        eachSystem linuxSystems (
          pkgs:
          let
            packages = packagesOf pkgs;
            arch = pkgs.stdenv.hostPlatform.go.GOARCH;
          in
          pkgs.callPackages ./nix/checks.nix {
            inherit packages;
            staticArch = arch;
            images = {
              image = {
                image = packages.image;
                architecture = arch;
                tag = version;
              };
              image-arm64 = {
                image = packages.image-arm64;
                architecture = "arm64";
                tag = "${version}-arm64";
              };
              image-full = {
                image = packages.image-full;
                imageName = fullName;
                architecture = arch;
                tag = version;
              };
            };
          }
        )
        // eachSystem darwinSystems (
          pkgs:
          pkgs.callPackages ./nix/checks.nix {
            packages = packagesOf pkgs;
            images = { };
            staticArch = null;
          }
        );
    };
}
