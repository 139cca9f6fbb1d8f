# What `nix flake check` runs on each system, as evaluated through the
# stand-in nixpkgs: run by test/nix/level1 as `nix eval .#checks --apply`.
# t: the helpers of expect-lib.nix.
t: config: checks:
let
  inherit (builtins)
    attrNames
    concatLists
    filter
    ;
  inherit (t)
    sorted
    plain
    matches
    expect
    holds
    report
    ;
  script = c: c.drvAttrs.buildCommand;

  linux =
    system: arch:
    let
      c = checks.${system};
    in
    [
      (expect "${system} checks" (sorted (attrNames c)) [
        "formatting"
        "full-features"
        "image"
        "image-arm64"
        "image-full"
        "package"
        "package-full"
        "sbom"
        "smoke"
        "smoke-full"
        "static"
        "static-full"
      ])
      (holds "${system} static-full runs imagecheck -binary -arch ${arch}" (
        matches ".*/bin/imagecheck -binary -arch ${arch} .*-full-static-.*" (script c.static-full)
      ))
      (holds "${system} image-full check: name ${config.name}-full, tag ${config.version}, arch ${arch}" (
        matches ".*-name ${config.name}-full .*-tag ${config.version} -arch ${arch} .*" (
          script c.image-full
        )
      ))
      (holds "${system} static runs imagecheck -binary -arch ${arch}" (
        matches ".*/bin/imagecheck -binary -arch ${arch} .*" (script c.static)
      ))
      (holds "${system} image check: tag ${config.version}, arch ${arch}" (
        matches ".*-tag ${config.version} -arch ${arch} .*" (script c.image)
      ))
      (holds "${system} image-arm64 check: tag ${config.version}-arm64, arch arm64" (
        matches ".*-tag ${config.version}-arm64 -arch arm64 .*" (script c.image-arm64)
      ))
    ]
    ++ common system c;

  common = system: c: [
    (holds "${system} every check is a derivation" (
      filter (n: !(c.${n} ? type && c.${n}.type == "derivation")) (attrNames c) == [ ]
    ))
    (holds "${system} formatting runs nixfmt --check" (
      matches ".*nixfmt --check.*" (script c.formatting)
    ))
    (holds "${system} smoke wants 55" (matches ".*!= 55.*" (script c.smoke)))
    (holds "${system} smoke-full wants 55 of the full build" (
      matches ".*hello-sqlite-full-.*!= 55.*" (script c.smoke-full)
    ))
    (holds "${system} package-full is the full build" (
      matches "hello-sqlite-full-.*" c.package-full.name && c.package-full.drvAttrs.tags == [ "full" ]
    ))
    (holds "${system} full-features wants FTS5 and R*Tree" (
      matches ".*USING fts5.*USING rtree.*" (script c.full-features)
    ))
  ];

  results = concatLists [
    (linux "x86_64-linux" "amd64")
    (linux "aarch64-linux" "arm64")
    [
      (expect "aarch64-darwin checks" (sorted (attrNames checks.aarch64-darwin)) [
        "formatting"
        "full-features"
        "package"
        "package-full"
        "sbom"
        "smoke"
        "smoke-full"
      ])
    ]
    (common "aarch64-darwin" checks.aarch64-darwin)
  ];
in
report results
