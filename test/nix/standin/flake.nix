# A stand-in for the nixpkgs flake, for `--override-input nixpkgs path:DIR`.
# test/nix/assemble copies this folder and ../shared/nixpkgs-parts (as
# ./parts) into DIR and writes ./host.json (where this machine's tools are):
# nixpkgs' own files are used from there, never copied into the repository.
{
  outputs =
    { self }:
    import ./default.nix {
      parts = ./parts;
      host = builtins.fromJSON (builtins.readFile ./host.json);
    };
}
