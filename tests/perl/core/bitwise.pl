# Bitwise operators on numbers and strings, shifts, hex/oct output.
use strict;
use warnings;

printf "and %d or %d xor %d\n", 12 & 10, 12 | 10, 12 ^ 10;
printf "not: %u %x\n", ~0, ~0xFF;
printf "not 5: %s\n", ~5;
printf "shifts: %d %d %d %d\n", 1 << 10, 1024 >> 3, 1 << 63 >> 63, -16 >> 2 > 0 ? 1 : 0;
print "shift of negative: ", -16 >> 2, "\n";
{
    use integer;
    print "integer shift: ", -16 >> 2, " ", ~0, "\n";
}
print "big shift: ", 1 << 64, " ", 1 << 65, " ", 5 >> 64, "\n";
print "floats truncated: ", 7.9 | 0, " ", 2.5 & 3, "\n";
print "string and: ", "AB" & "ab", "|\n";
print "string or: ", "AB" | "  ", "|\n";
print "string xor: ", ("AB" ^ "  "), "|\n";
print "string not length: ", length(~"abc"), "\n";
print "different lengths: ", "abc" | "A", "|", length("abc" & "A"), "\n";
print "num strings are numbers: ", "12" & "10", " ", "12" | 3, "\n";
{
    use feature 'bitwise';
    no warnings 'experimental::bitwise';
    print "bitwise feature: ", "12" & "10", " ", "12" &. "10", " ", "a" |. "B", " ", 5 | 2, "\n";
}
my $flags = 0;
my %bit = (read => 1, write => 2, exec => 4);
$flags |= $bit{$_} for qw(read exec);
print "flags: $flags; ", join(",", map { ($flags & $bit{$_}) ? $_ : () } sort keys %bit), "\n";
$flags &= ~$bit{read};
print "cleared: $flags\n";
# popcount and bit loops
sub popcount { my $n = shift; my $c = 0; while ($n) { $c += $n & 1; $n >>= 1 } $c }
print "popcount: ", join(",", map { popcount($_) } 0, 1, 255, 256, 2**32 - 1), "\n";
printf "hex: %x %X %#x %o %#o %b %#b %08b\n", 255, 255, 255, 8, 8, 5, 5, 5;
print "vec: ";
my $v = '';
vec($v, $_, 1) = 1 for 1, 3, 5;
print unpack("b*", $v), " ", vec($v, 3, 1), vec($v, 2, 1), " ", length($v), "\n";
print "xor swap: ";
my ($p, $q) = (6, 9);
$p ^= $q; $q ^= $p; $p ^= $q;
print "$p $q\n";
print "mask: ", 0xDEADBEEF & 0xFFFF, " ", (0xDEADBEEF >> 16) & 0xFFFF, "\n";
print "negative and: ", -1 & 0xFF, "\n";
