# Helpers shared by expect-packages.nix and expect-checks.nix: test/nix/level1
# passes this file's value to each as its first argument.
let
  inherit (builtins) filter length match;
in
{
  sorted = builtins.sort (a: b: a < b);
  # Regular expressions may not carry store-path context.
  plain = builtins.unsafeDiscardStringContext;
  matches =
    re: s:
    match (builtins.unsafeDiscardStringContext re) (builtins.unsafeDiscardStringContext s) != null;
  expect = what: got: want: {
    ok = got == want;
    message = "${what}: got ${builtins.toJSON got}, want ${builtins.toJSON want}";
  };
  holds = what: cond: {
    ok = cond;
    message = what;
  };
  # The summary level1 reads: how many expectations ran, and the failed ones.
  report = results: {
    checked = length results;
    failures = map (r: r.message) (filter (r: !r.ok) results);
  };
}
