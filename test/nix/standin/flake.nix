# A stand-in for the nixpkgs flake, for `--override-input nixpkgs path:DIR`.
# test/nix/assemble copies this folder and ../shared/nixpkgs-parts (as
# ./parts) into DIR, writes ./host.json (where this machine's tools are) and
# puts the source of the tarsum tool in ./tarsum-src (from Debian):
# nixpkgs' own files are used from there, never copied into the repository.
{
  outputs =
    { self }:
    import ./default.nix {
      parts = ./parts;
      host = builtins.fromJSON (builtins.readFile ./host.json) // {
        tarsumSource = ./tarsum-src;
      };
    };
}
