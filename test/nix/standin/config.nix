# The `config` of a stand-in nixpkgs: nixpkgs' defaults (pkgs/top-level/config.nix,
# not among ../shared/nixpkgs-parts) for the options that make-derivation.nix,
# check-meta.nix and problems.nix read.
{
  allowAliases = true;
  allowBroken = false;
  allowUnfree = false;
  allowUnsupportedSystem = false;
  checkMeta = false;
  checkMetaRecursively = false;
  configurePlatformsByDefault = true;
  contentAddressedByDefault = false;
  doCheckByDefault = false;
  enableParallelBuildingByDefault = false;
  inHydra = false;
  strictDepsByDefault = false;
  structuredAttrsByDefault = false;
  problems = {
    matchers = [ ];
    handlers = { };
  };
}
