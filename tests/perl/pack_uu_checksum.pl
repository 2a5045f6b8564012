# pack/unpack 'u' (uuencoding) and %BITS checksums; non-finite repeat
# counts.
use strict;
use warnings;

for my $s ("", "a", "ab", "abc", "hello world", "x" x 100, join("", map { chr } 0 .. 255)) {
    my ($u, $u3, $u62) = (pack("u", $s), pack("u3", $s), pack("u62", $s));
    print length($u), " ", ($u =~ tr/\n//), " ", unpack("%32C*", $u), " ",
        unpack("%32C*", $u3), " ", unpack("%32C*", $u62), " ",
        (unpack("u", $u) eq $s ? "ok" : "BAD"), (unpack("u", $u3) eq $s ? "ok" : "BAD"), "\n";
}
print pack("u", "Hello, World!");
print join(",", unpack("u a*", pack("u", "abc") . "tail")), "\n";
print unpack("%32b*", "\xff\x01"), " ", unpack("%8C*", "\xff\xff"), " ",
    unpack("%3C", "\x07"), " ", unpack("%16n*", pack("n*", 1 .. 1000)), "\n";
print eval { pack("%32C", 1) } // "error: $@";

my $inf = 9**9**9;
my $s = "a" x $inf;
my @l = (1, 2) x -$inf;
print length($s), " ", scalar(@l), "\n";
