# One of this repository's stdlib-only Go tools (tools/<tool>), built offline
# with the build machine's Go: the main module's go.mod, no vendored
# dependency needed, since the tool imports the standard library (and the
# module's own stdlib-only internal/ packages) only.
{
  lib,
  runCommand,
  go_1_26,
  tool,
}:

let
  root = ../.;
in
runCommand tool
  {
    nativeBuildInputs = [ go_1_26 ];
    src = lib.fileset.toSource {
      inherit root;
      fileset = lib.fileset.unions [
        (root + "/go.mod")
        (root + "/go.sum")
        (root + "/internal")
        (root + "/tools/${tool}")
      ];
    };
    meta.mainProgram = tool;
  }
  ''
    export HOME="$TMPDIR" GOCACHE="$TMPDIR/go-cache" GOPATH="$TMPDIR/go"
    export GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local CGO_ENABLED=0
    cd "$src"
    go build -trimpath -o "$out/bin/${tool}" ./tools/${tool}
  ''
