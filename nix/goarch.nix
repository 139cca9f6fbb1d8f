# The package for another CPU, built by the build machine's own Go with
# GOARCH set: with CGO_ENABLED = 0 Go cross-compiles without any C
# toolchain, so no cross gcc or cross Go is built (unlike
# pkgsCross.*.pkgsStatic), and the Go comes from the binary cache.
{
  package,
  goArch,
}:

package.overrideAttrs (previous: {
  env = previous.env // {
    GOOS = "linux";
    GOARCH = goArch;
  };

  # Test binaries for another CPU cannot run on the build machine.
  doCheck = false;

  # `go install` puts cross-compiled binaries in bin/GOOS_GOARCH; buildGoModule
  # only moves them up for cross package sets, and this is a native one.
  postBuild = (previous.postBuild or "") + ''
    if [ -d "$GOPATH/bin/linux_${goArch}" ]; then
      mv "$GOPATH/bin/linux_${goArch}"/* "$GOPATH/bin/"
      rmdir "$GOPATH/bin/linux_${goArch}"
    fi
  '';
})
