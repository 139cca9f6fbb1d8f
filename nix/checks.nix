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
  # { name = { image; architecture; tag; imageName (optional); }; } to check
  # with tools/imagecheck
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
  full = lib.getExe packages.full;

  # What is checked of each build, default and full (suffix "-full").
  buildChecks =
    suffix: package:
    let
      bin = lib.getExe package;
    in
    {
      "package${suffix}" = package;

      "smoke${suffix}" = runCommand "hello-sqlite${suffix}-smoke" { } ''
        got=$(${bin})
        if [ "$got" != 55 ]; then
          echo "hello-sqlite${suffix} printed '$got', want 55" >&2
          exit 1
        fi
        touch "$out"
      '';
    }
    // lib.optionalAttrs (staticArch != null) {
      "static${suffix}" = runCommand "hello-sqlite${suffix}-static" { } ''
        ${imagecheck} -binary -arch ${staticArch} ${bin}
        touch "$out"
      '';
    };
in
buildChecks "" packages.default
// buildChecks "-full" packages.full
// {
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

  # What only the full build has: FTS5 and R*Tree (the default build says
  # "no such module"), and zone names from its embedded zone database. In
  # Nix's sandbox there is no /usr/share/zoneinfo, so there the default
  # build must fall back to UTC; with the sandbox off the host's files answer.
  full-features = runCommand "hello-sqlite-full-features" { } ''
    fail() { echo "full-features: $*" >&2; exit 1; }
    got=$(${full} :memory: "CREATE VIRTUAL TABLE t USING fts5(x)" "INSERT INTO t VALUES ('one two')" \
      "SELECT count(*) FROM t WHERE t MATCH 'two'" "CREATE VIRTUAL TABLE r USING rtree(id, x0, x1)" \
      "INSERT INTO r VALUES (7, 0, 10)" "SELECT id FROM r WHERE x0 <= 5 AND x1 >= 5") ||
      fail "FTS5/R*Tree failed in the full build"
    [ "$got" = "$(printf '1\n7')" ] || fail "FTS5/R*Tree in the full build gave '$got'"
    for module in fts5 rtree; do
      if err=$(${hello} :memory: "CREATE VIRTUAL TABLE t USING $module(x, y, z)" 2>&1); then
        fail "the default build has $module"
      fi
      case $err in
      *"no such module: $module"*) ;;
      *) fail "the default build said '$err' for $module" ;;
      esac
    done
    sql="SELECT datetime(0, 'unixepoch', 'localtime')"
    got=$(TZ=Europe/Berlin ${full} :memory: "$sql")
    [ "$got" = "1970-01-01 01:00:00" ] || fail "TZ=Europe/Berlin in the full build gave '$got'"
    if [ ! -e /usr/share/zoneinfo ]; then
      got=$(TZ=Europe/Berlin ${hello} :memory: "$sql")
      [ "$got" = "1970-01-01 00:00:00" ] || fail "TZ=Europe/Berlin in the default build gave '$got', want UTC"
    fi
    touch "$out"
  '';

  formatting = runCommand "nixfmt-check" { nativeBuildInputs = [ nixfmt ]; } ''
    cd ${nixFiles}
    find . -name '*.nix' -print0 | xargs -0 nixfmt --check
    touch "$out"
  '';
}
// lib.mapAttrs (
  name: image:
  let
    nameFlag = lib.optionalString (image ? imageName) "-name ${image.imageName} ";
  in
  runCommand "${name}-structure" { } ''
    ${imagecheck} -config ${./image-config.json} ${nameFlag}\
      -tag ${image.tag} -arch ${image.architecture} ${image.image}
    touch "$out"
  ''
) images
