# What the flake's packages must be, as evaluated through the stand-in
# nixpkgs (nixpkgs' own buildGoModule, mkDerivation and dockerTools). Run by
# test/nix/level1 as `nix eval .#packages --apply`: a function of
# image-config.json's values and the flake's `packages`, giving the failed
# expectations (none when all hold) and how many were checked.
# t: the helpers of expect-lib.nix.
t: config: packages:
let
  inherit (builtins)
    attrNames
    concatLists
    concatStringsSep
    elem
    filter
    readDir
    ;
  inherit (t)
    sorted
    plain
    matches
    expect
    holds
    report
    ;
  goArch = {
    x86_64-linux = "amd64";
    aarch64-linux = "arm64";
    aarch64-darwin = "arm64";
  };
  gnuCpu = {
    amd64 = "x86_64";
    arm64 = "aarch64";
  };

  # The Go build of one package: what buildGoModule wrote into its derivation.
  goBuild =
    system: name: p:
    {
      static,
      arch,
      check,
      full ? false,
    }:
    let
      pname = if full then "hello-sqlite-full" else "hello-sqlite";
      d = p.drvAttrs;
      m = p.goModules;
      srcNames = attrNames (readDir p.src);
      at = "${system} ${name}";
    in
    [
      (expect "${at} name" d.name (
        if static then "${pname}-static-${config.version}" else "${pname}-${config.version}"
      ))
      (expect "${at} isStatic" p.stdenv.hostPlatform.isStatic static)
      (expect "${at} GOOS" d.GOOS (if system == "aarch64-darwin" then "darwin" else "linux"))
      (expect "${at} GOARCH" d.GOARCH arch)
      (expect "${at} CGO_ENABLED" d.CGO_ENABLED 0)
      (expect "${at} GOFLAGS" d.GOFLAGS "-mod=vendor -trimpath")
      (expect "${at} GOTOOLCHAIN" d.GOTOOLCHAIN "local")
      (expect "${at} go is go_1_26" p.passthru.go.name "go-standin-1.26")
      (expect "${at} ldflags" d.ldflags [
        "-s"
        "-w"
        "-linkmode=internal"
        "-funcalign=16"
        "-X main.version=${config.version}"
        "-buildid="
      ])
      (expect "${at} tags" d.tags (if full then [ "full" ] else [ ]))
      (expect "${at} subPackages" d.subPackages [ "." ])
      (expect "${at} doCheck" d.doCheck check)
      (expect "${at} dontStrip" d.dontStrip true)
      (expect "${at} disallowedReferences" d.disallowedReferences [ p.passthru.go.outPath ])
      (expect "${at} mainProgram" p.meta.mainProgram "hello-sqlite")
      (holds "${at} vendorHash is an SRI sha256" (matches "sha256-[A-Za-z0-9+/]{43}=" d.vendorHash))
      (expect "${at} go-modules is fixed-output on vendorHash"
        [ m.outputHash m.outputHashMode ]
        [
          d.vendorHash
          "recursive"
        ]
      )
      (holds "${at} go-modules takes GOPROXY from the environment" (elem "GOPROXY" m.impureEnvVars))
      (holds "${at} source holds go.mod, go.sum, main.go, internal: ${toString srcNames}" (
        elem "go.mod" srcNames
        && elem "go.sum" srcNames
        && elem "main.go" srcNames
        && elem "internal" srcNames
      ))
      (holds "${at} source holds no tools, nix, test, bench, scripts, vendor: ${toString srcNames}" (
        filter (
          n:
          elem n [
            "tools"
            "nix"
            "test"
            "bench"
            "scripts"
            "vendor"
            "flake.nix"
          ]
        ) srcNames == [ ]
      ))
    ]
    ++ (
      if system == "aarch64-darwin" then
        [
          (holds "${at} is not scrubbed on darwin" (!(d ? allowedReferences) && (d.postFixup or "") == ""))
        ]
      else
        [
          (expect "${at} allowedReferences" d.allowedReferences [ ])
          (holds "${at} postFixup scrubs store paths" (
            matches ".*scrub-store-paths.pl /nix/store \"\\$out/bin/hello-sqlite\".*" d.postFixup
          ))
        ]
    );

  # dockerTools.buildImage's arguments (passthru.buildArgs) and derivation.
  image =
    system: name: img:
    {
      arch,
      tag,
      binary,
      imageName ? config.name,
    }:
    let
      a = img.buildArgs;
      root = a.copyToRoot;
      at = "${system} ${name}";
    in
    [
      (expect "${at} derivation name" img.name "docker-image-${imageName}.tar.gz")
      (expect "${at} arguments" (sorted (attrNames a)) [
        "architecture"
        "config"
        "copyToRoot"
        "created"
        "name"
        "tag"
      ])
      (expect "${at} name:tag" "${a.name}:${a.tag}" "${imageName}:${tag}")
      (expect "${at} imageTag" img.imageTag tag)
      (expect "${at} architecture" a.architecture arch)
      (expect "${at} created" a.created config.created)
      (expect "${at} Entrypoint" a.config.Entrypoint config.entrypoint)
      (expect "${at} User" a.config.User config.user)
      (expect "${at} WorkingDir" a.config.WorkingDir config.workingDir)
      (expect "${at} Env" a.config.Env config.env)
      (expect "${at} Labels" a.config.Labels (
        config.labels // { "org.opencontainers.image.version" = config.version; }
      ))
      (expect "${at} copyToRoot has no references" root.drvAttrs.allowedReferences [ ])
      (holds "${at} copyToRoot puts ${binary.name}'s binary at /hello-sqlite" (
        matches ".*cp ${binary.outPath}/bin/hello-sqlite \"\\$out/hello-sqlite\".*" root.drvAttrs.buildCommand
      ))
      (holds "${at} the layer is a pure layer of copyToRoot" (
        toString img.layer.drvAttrs.contents == root.outPath
      ))
    ];

  linux =
    system:
    let
      p = packages.${system};
      arch = goArch.${system};
    in
    [
      (expect "${system} packages" (sorted (attrNames p)) [
        "binary-amd64"
        "binary-arm64"
        "default"
        "full"
        "image"
        "image-amd64"
        "image-arm64"
        "image-full"
        "sbom"
        "sbom-arm64"
      ])
      (expect "${system} default comes from pkgsStatic (musl, static)"
        p.default.stdenv.hostPlatform.config
        "${gnuCpu.${arch}}-unknown-linux-musl"
      )
      (expect "${system} full comes from pkgsStatic (musl, static)" p.full.stdenv.hostPlatform.config
        "${gnuCpu.${arch}}-unknown-linux-musl"
      )
      (expect "${system} full has the default's vendorHash" p.full.drvAttrs.vendorHash
        p.default.drvAttrs.vendorHash
      )
    ]
    ++ goBuild system "default" p.default {
      static = true;
      inherit arch;
      check = true;
    }
    ++ goBuild system "full" p.full {
      static = true;
      inherit arch;
      check = true;
      full = true;
    }
    ++ goBuild system "binary-amd64" p.binary-amd64 {
      static = false;
      arch = "amd64";
      check = false;
    }
    ++ goBuild system "binary-arm64" p.binary-arm64 {
      static = false;
      arch = "arm64";
      check = false;
    }
    ++ [
      (holds "${system} binary-arm64 moves bin/linux_arm64 up" (
        matches ".*bin/linux_arm64.*" p.binary-arm64.drvAttrs.postBuild
      ))
    ]
    ++ image system "image" p.image {
      inherit arch;
      tag = config.version;
      binary = p.default;
    }
    ++ image system "image-amd64" p.image-amd64 {
      arch = "amd64";
      tag = "${config.version}-amd64";
      binary = p.binary-amd64;
    }
    ++ image system "image-arm64" p.image-arm64 {
      arch = "arm64";
      tag = "${config.version}-arm64";
      binary = p.binary-arm64;
    }
    ++ image system "image-full" p.image-full {
      inherit arch;
      tag = config.version;
      binary = p.full;
      imageName = "${config.name}-full";
    }
    ++ [
      (holds "${system} sbom reads the default binary" (
        matches ".*/bin/sbom -version ${config.version} .*-o \"\\$out\" ${p.default.outPath}/bin/hello-sqlite.*" p.sbom.drvAttrs.buildCommand
      ))
      (expect "${system} sbom-arm64 name" p.sbom-arm64.name "hello-sqlite-${config.version}.spdx.json")
    ];

  darwin =
    let
      system = "aarch64-darwin";
      p = packages.${system};
    in
    [
      (expect "${system} packages" (sorted (attrNames p)) [
        "default"
        "full"
        "sbom"
      ])
    ]
    ++ goBuild system "default" p.default {
      static = false;
      arch = "arm64";
      check = true;
    }
    ++ goBuild system "full" p.full {
      static = false;
      arch = "arm64";
      check = true;
      full = true;
    };

  results = concatLists [
    (linux "x86_64-linux")
    (linux "aarch64-linux")
    darwin
  ];
in
report results
// {
  summary = concatStringsSep ", " (attrNames packages);
}
