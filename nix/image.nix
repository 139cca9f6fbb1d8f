# The Docker image: one layer holding exactly /hello-sqlite. Everything the
# image promises (name, version, entrypoint, user, env, labels) comes from
# image-config.json, which the Docker tests and tools/imagecheck read too.
{
  lib,
  dockerTools,
  runCommand,
  hello-sqlite,
  # OCI/GOARCH name of the binary's CPU: amd64, arm64.
  architecture,
  tag ? (lib.importJSON ./image-config.json).version,
  # hello-sqlite-full for the -tags full build's image.
  name ? (lib.importJSON ./image-config.json).name,
}:

let
  imageConfig = lib.importJSON ./image-config.json;

  # copyToRoot rsyncs the top of this store path to the layer's root.
  root = runCommand "hello-sqlite-root" { allowedReferences = [ ]; } ''
    mkdir "$out"
    cp ${lib.getExe hello-sqlite} "$out/hello-sqlite"
  '';
in
dockerTools.buildImage {
  inherit (imageConfig) created;
  inherit name tag architecture;
  copyToRoot = root;
  config = {
    # Paths inside the image, never store paths: a store path here would add
    # its closure to the layer.
    Entrypoint = imageConfig.entrypoint;
    User = imageConfig.user;
    WorkingDir = imageConfig.workingDir;
    Env = imageConfig.env;
    Labels = imageConfig.labels // {
      "org.opencontainers.image.version" = imageConfig.version;
    };
  };
}
