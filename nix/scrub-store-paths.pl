#!/usr/bin/env perl
# scrub-store-paths STOREDIR FILE...
#
# nixpkgs patches its Go so that every binary carries the store paths of
# tzdata (package time), iana-etc (net) and mailcap (mime); see
# pkgs/development/compilers/go/{tzdata-1.19,iana-etc-1.25,mailcap-1.17}.patch.
# Those strings are runtime references: the image would drag the three
# packages in. nuke-refs only replaces the hash, leaving "/nix/store/eeee..."
# in the file; this overwrites the whole "STOREDIR/<hash>-<name>" prefix with
# "/" bytes of the same length, so no store path (and no "/nix/store") is left,
# string lengths stay valid, and e.g. "@tzdata@/share/zoneinfo/" becomes
# "//.../share/zoneinfo/": a plain, absent directory that Go skips before
# trying /usr/share/zoneinfo/ and the embedded tzdata.
use strict;
use warnings;

my $store = shift @ARGV or die "usage: scrub-store-paths STOREDIR FILE...\n";
die "usage: scrub-store-paths STOREDIR FILE...\n" unless @ARGV;
for my $file (@ARGV) {
    open(my $fh, '+<:raw', $file) or die "$file: $!\n";
    my $data = do { local $/; <$fh> };
    my $count = ($data =~ s{\Q$store\E/[0-9a-z]{32}-[0-9A-Za-z+\-._?=]*}{'/' x length($&)}ge);
    seek($fh, 0, 0) or die "$file: $!\n";
    print {$fh} $data or die "$file: $!\n";
    close($fh) or die "$file: $!\n";
    # s///ge gives "" (not 0) when nothing matched.
    printf STDERR "scrub-store-paths: %s: %d store path(s) overwritten\n", $file, $count || 0;
}
