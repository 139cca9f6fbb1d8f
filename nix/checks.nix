# `nix flake check`: what is checked on top of building the packages (the
# package's own check phase runs its `go test`).
{
  lib,
  runCommand,
  callPackage,
  jq,
  nixfmt,
  # packages.<system> of the flake
  packages,
  # { name = { image; architecture; tag; }; } to check with tools/imagecheck
  images ? { },
  # GOARCH of packages.default when it must be a static Linux ELF; null on darwin
  staticArch ? null,
}:

let
  root = ../.;

  imagecheck = lib.getExe (callPackage ./go-tool.nix { tool = "imagecheck"; });

  nixFiles = lib.fileset.toSource {
    inherit root;
    fileset = lib.fileset.fileFilter (file: file.hasExt "nix") root;
  };

  hello = lib.getExe packages.default;
in
{
  package = packages.default;

  smoke = runCommand "hello-sqlite-smoke" { } ''
    got=$(${hello})
    if [ "$got" != 55 ]; then
      echo "hello-sqlite printed '$got', want 55" >&2
      exit 1
    fi
    touch "$out"
  '';

  # The bill of materials names the SQLite the binary reports (-version).
  sbom = runCommand "hello-sqlite-sbom-check" { nativeBuildInputs = [ jq ]; } ''
    want=$(${hello} -version | head -n 1 | cut -d ' ' -f 1)
    got=$(jq -r '.packages[] | select(.SPDXID == "SPDXRef-Package-sqlite") | .versionInfo' ${packages.sbom})
    if [ -z "$want" ] || [ "$got" != "$want" ]; then
      echo "SBOM says SQLite '$got', the binary says '$want'" >&2
      exit 1
    fi
    touch "$out"
  '';

  formatting = runCommand "nixfmt-check" { nativeBuildInputs = [ nixfmt ]; } ''
    cd ${nixFiles}
    find . -name '*.nix' -print0 | xargs -0 nixfmt --check
    touch "$out"
  '';
}
// lib.optionalAttrs (staticArch != null) {
  static = runCommand "hello-sqlite-static" { } ''
    ${imagecheck} -binary -arch ${staticArch} ${hello}
    touch "$out"
  '';
}
// lib.mapAttrs (
  name: image:
  runCommand "${name}-structure" { } ''
    ${imagecheck} -config ${./image-config.json} \
      -tag ${image.tag} -arch ${image.architecture} ${image.image}
    touch "$out"
  ''
) images
