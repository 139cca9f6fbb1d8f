# Evaluates flake.nix's outputs against a small mock of nixpkgs, so that
# attribute names, arguments and the data flowing from image-config.json are
# checked without nixpkgs (which cannot be fetched here). It proves the
# wiring, not nixpkgs' behaviour: see /work/notes/nix-verification.md.
# Run: nix-instantiate --eval --strict --json nix/eval-test.nix
let
  inherit (builtins)
    attrNames
    elem
    filter
    functionArgs
    intersectAttrs
    listToAttrs
    map
    match
    ;

  config = builtins.fromJSON (builtins.readFile ./image-config.json);

  lib = {
    genAttrs =
      names: f:
      listToAttrs (
        map (name: {
          inherit name;
          value = f name;
        }) names
      );
    importJSON = path: builtins.fromJSON (builtins.readFile path);
    optionals = cond: list: if cond then list else [ ];
    optionalString = cond: s: if cond then s else "";
    optionalAttrs = cond: attrs: if cond then attrs else { };
    mapAttrs = builtins.mapAttrs;
    filterAttrs =
      pred: set:
      listToAttrs (
        map (name: {
          inherit name;
          value = set.${name};
        }) (filter (name: pred name set.${name}) (attrNames set))
      );
    inherit attrNames;
    any = builtins.any;
    hasSuffix =
      suffix: s:
      let
        ls = builtins.stringLength s;
        lx = builtins.stringLength suffix;
      in
      ls >= lx && builtins.substring (ls - lx) lx s == suffix;
    escapeShellArg = s: "'${s}'";
    getExe = drv: "${drv.outPath}/bin/${drv.meta.mainProgram}";
    getExe' = drv: name: "${drv.outPath}/bin/${name}";
    licenses.mit = "mit";
    platforms = {
      linux = [ "x86_64-linux" "aarch64-linux" ];
      darwin = [ "aarch64-darwin" ];
    };
    fileset = {
      unions = list: filter (x: x != null) list;
      maybeMissing = path: if builtins.pathExists path then path else null;
      fileFilter = pred: root: [ "filtered:${toString root}" ];
      difference = a: b: a;
      toSource =
        { root, fileset }:
        {
          outPath = "/nix/store/mock-source";
          files = map (p: builtins.replaceStrings [ "${toString root}/" ] [ "" ] (toString p)) fileset;
        };
    };
  };

  mkDrv = name: attrs: attrs // {
    inherit name;
    outPath = "/nix/store/mock-${name}";
  };

  goArchOf = system: if system == "aarch64-linux" || system == "aarch64-darwin" then "arm64" else "amd64";

  mockPkgs =
    system: isStatic:
    let
      self = {
        inherit lib;
        stdenv.hostPlatform = {
          inherit system isStatic;
          isLinux = match ".*-linux" system != null;
          go.GOARCH = goArchOf system;
        };
        callPackage =
          fn: args:
          let
            f = if builtins.isFunction fn then fn else import fn;
          in
          f (intersectAttrs (functionArgs f) self // args);
        pkgsStatic = mockPkgs system true;
        go = mkDrv "go" { GOARCH = goArchOf system; };
        perl = mkDrv "perl" { };
        jq = mkDrv "jq" { };
        nixfmt = mkDrv "nixfmt" { };
        nixfmt-tree = mkDrv "nixfmt-tree" { };
        gopls = mkDrv "gopls" { };
        sqlite = mkDrv "sqlite" { };
        actionlint = mkDrv "actionlint" { };
        mkShell = args: mkDrv "shell" args;
        runCommand = name: env: script: mkDrv name (env // { inherit script; });
        dockerTools.buildImage = args: mkDrv "docker-image-${args.name}.tar.gz" { buildArgs = args; };
        # buildGoModule's own merges (pkgs/build-support/go/module.nix): env gets
        # GOOS/GOARCH from go, CGO_ENABLED from env or go; ldflags get -buildid=.
        buildGoModule =
          f:
          let
            args = f final;
            final = args // {
              env = (args.env or { }) // {
                GOOS = "linux";
                GOARCH = goArchOf system;
                CGO_ENABLED = args.env.CGO_ENABLED or 1;
              };
              ldflags = args.ldflags ++ [ "-buildid=" ];
              doCheck = args.doCheck or true;
              builtStatic = isStatic;
            };
            wrap =
              attrs:
              mkDrv "${attrs.pname}-${attrs.version}" attrs
              // {
                overrideAttrs = g: wrap (attrs // g attrs);
              };
          in
          wrap final;
      };
    in
    self;

  systems = [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" ];
  nixpkgs = {
    inherit lib;
    legacyPackages = lib.genAttrs systems (system: mockPkgs system false);
  };
  flake = import ../flake.nix;
  outputs = flake.outputs {
    self = outputs;
    inherit nixpkgs;
  };

  check = cond: msg: if cond then true else throw "eval-test: ${msg}";
  sorted = builtins.sort builtins.lessThan;

  linuxChecks =
    system:
    let
      p = outputs.packages.${system};
      arch = goArchOf system;
      img = p.image.buildArgs;
      arm = p.image-arm64.buildArgs;
    in
    [
      (check (sorted (attrNames p) == [ "binary-amd64" "binary-arm64" "default" "image" "image-amd64" "image-arm64" "sbom" "sbom-arm64" ]) "${system} packages: ${toString (attrNames p)}")
      (check p.default.builtStatic "${system}: packages.default must come from pkgsStatic")
      (check (p.default.version == config.version) "version from image-config.json")
      (check (elem "-X main.version=${config.version}" p.default.ldflags) "ldflags carry the version")
      (check (p.default.env.CGO_ENABLED == 0) "CGO_ENABLED = 0")
      (check (p.default.allowedReferences == [ ]) "allowedReferences = [ ] on Linux")
      (check (p.default.tags == [ ]) "no build tags (internal/timezone embeds the zones)")
      (check (p.default.subPackages == [ "." ]) "subPackages")
      (check (match "sha256-[A-Za-z0-9+/]{43}=" p.default.vendorHash != null) "vendorHash is SRI sha256")
      (check (elem "go.mod" p.default.src.files && elem "go.sum" p.default.src.files && elem "main.go" p.default.src.files) "source holds go.mod, go.sum, main.go: ${toString p.default.src.files}")
      (check (builtins.all (f: match "(tools|nix|bench|test|vendor|scripts)(/.*)?" f == null) p.default.src.files) "source must not hold tools/, nix/, bench/, test/, vendor/: ${toString p.default.src.files}")
      (check (p.default.meta.mainProgram == "hello-sqlite") "mainProgram")
      (check (p.binary-arm64.env.GOARCH == "arm64" && !p.binary-arm64.doCheck && !p.binary-arm64.builtStatic) "binary-arm64 is the native Go with GOARCH=arm64, no check phase")
      (check (match ".*linux_arm64.*" p.binary-arm64.postBuild != null) "binary-arm64 moves bin/linux_arm64 up")
      (check (p.binary-amd64.env.GOARCH == "amd64") "binary-amd64")
      (check (img.name == config.name && img.tag == config.version && img.architecture == arch) "${system} image name/tag/architecture: ${img.name}:${img.tag} ${img.architecture}")
      (check (img.created == config.created) "fixed created")
      (check (img.config.Entrypoint == config.entrypoint && img.config.User == config.user) "Entrypoint/User")
      (check (img.config.Labels."org.opencontainers.image.version" == config.version) "version label")
      (check (img.config.Labels."org.opencontainers.image.licenses" == config.labels."org.opencontainers.image.licenses") "licenses label")
      (check (!(img ? runAsRoot) && !(img ? fromImage)) "no runAsRoot, no fromImage")
      (check (match ".*cp /nix/store/mock-hello-sqlite-[^ ]*/bin/hello-sqlite \"\\$out/hello-sqlite\".*" img.copyToRoot.script != null) "copyToRoot holds the binary at its top: ${img.copyToRoot.script}")
      (check (img.copyToRoot.allowedReferences == [ ]) "copyToRoot has no references")
      (check (arm.architecture == "arm64" && arm.tag == "${config.version}-arm64") "image-arm64")
      (check (p.image-amd64.buildArgs.architecture == "amd64") "image-amd64")
      (check (match ".*/bin/sbom -version '${config.version}' .*-o \"\\$out\" /nix/store/mock-hello-sqlite-${config.version}/bin/hello-sqlite.*" p.sbom.script != null) "sbom command: ${p.sbom.script}")
      (check (match ".*/nix/store/mock-imagecheck/bin/imagecheck -binary -arch ${arch} .*" outputs.checks.${system}.static.script != null) "static check runs imagecheck: ${outputs.checks.${system}.static.script}")
      (check (sorted (attrNames outputs.checks.${system}) == [ "formatting" "image" "image-arm64" "package" "sbom" "smoke" "static" ]) "${system} checks: ${toString (attrNames outputs.checks.${system})}")
      (check (match ".*-arch ${arch} .*" outputs.checks.${system}.static.script != null) "static check arch")
      (check (match ".*-tag ${config.version}-arm64 -arch arm64 .*" outputs.checks.${system}.image-arm64.script != null) "image-arm64 check flags")
    ];

  darwinChecks =
    let
      p = outputs.packages.aarch64-darwin;
    in
    [
      (check (attrNames p == [ "default" "sbom" ]) "darwin packages: ${toString (attrNames p)}")
      (check (!p.default.builtStatic && !(p.default ? allowedReferences)) "darwin: native, not scrubbed")
      (check (sorted (attrNames outputs.checks.aarch64-darwin) == [ "formatting" "package" "sbom" "smoke" ]) "darwin checks")
    ];

  common = map (system: [
    (check (outputs.formatter.${system}.name == "nixfmt-tree") "formatter")
    (check (outputs.devShells.${system} ? default) "devShell")
  ]) systems;

  results = builtins.concatLists (map linuxChecks [ "x86_64-linux" "aarch64-linux" ]) ++ darwinChecks ++ builtins.concatLists common;
in
{
  passed = builtins.length (filter (x: x) results);
  packages = lib.mapAttrs (_: attrNames) outputs.packages;
  checks = lib.mapAttrs (_: attrNames) outputs.checks;
}
