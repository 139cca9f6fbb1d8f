# The SPDX 2.3 bill of materials of one hello-sqlite binary, written by
# tools/sbom from the binary itself (Go build information: toolchain and
# modules; the SQLite version and source id it carries). It reads the file
# without running it, so it works for the cross-built arm64 binary too.
# SOURCE_DATE_EPOCH (set by Nix) makes it reproducible.
{
  lib,
  runCommand,
  callPackage,
  hello-sqlite,
}:

let
  imageConfig = lib.importJSON ./image-config.json;
  sbom = callPackage ./go-tool.nix { tool = "sbom"; };
in
runCommand "hello-sqlite-${imageConfig.version}.spdx.json" { } ''
  ${lib.getExe sbom} -version ${lib.escapeShellArg imageConfig.version} \
    -license ${lib.escapeShellArg imageConfig.labels."org.opencontainers.image.licenses"} \
    -o "$out" ${lib.getExe hello-sqlite}
''
