# % with negatives and floats, ** corners, hex/oct strings, integer ops.
use strict;
use warnings;

for my $p ([7, 3], [-7, 3], [7, -3], [-7, -3], [7.5, 2], [-7.5, 2], [10, 3.9], [2**64, 7], [-1, 2**63]) {
    print "$p->[0] % $p->[1] = ", $p->[0] % $p->[1], "\n";
}
{
    use integer;
    print "integer: ", -7 % 3, " ", 7 % -3, " ", -7 / 2, " ", 10 / 3, "\n";
}
print "pow: ", 2**-1, " ", (-8)**(1/3), " ", 4**0.5, " ", (-2)**3, " ", 0**0, " ", 2**0.5, " ", (-2)**-2, " ", 10**-2, "\n";
print "big pow: ", 2**62, " ", 2**63, " ", 2**64, " ", 3**40, " ", (-3)**39, "\n";
print "pow inf: ", 10**400, " ", -(10**400), " ", 0**-1, "\n";
print "hex: ", hex("ff"), " ", hex("0xFF"), " ", hex("x1f"), " ", hex(""), " ", hex("ffffffffffffffff"), "\n";
print "oct: ", oct("755"), " ", oct("0x1f"), " ", oct("0b101"), " ", oct("0o17"), " ", oct(" 12 "), " ", oct("b11"), "\n";
print "oct big: ", oct("0xffffffffffffffff"), " ", oct("777777777777777777777"), "\n";
print "lit: ", 0x1f, " ", 0b1010, " ", 0o17, " ", 017, " ", 1_234, "\n";
print "abs: ", abs(-0), " ", abs(-3.5), " ", abs(-9223372036854775807), "\n";
print "shift: ", 1 << 63, " ", 1 << 64, " ", -1 >> 1, " ", -8 >> 1, "\n";
print "bitops: ", ~0, " ", -1 & 0xFF, " ", 5 ^ 3, " ", ~5, "\n";
print "sqrt: ", sqrt(2), " ", sqrt(16), "\n";
print "exp/log: ", exp(1), " ", log(10), " ", exp(0), "\n";
print "atan2: ", atan2(1, 1) * 4, " ", atan2(0, -1), "\n";
print "int of str: ", int("42.9abc" =~ /(\d+\.\d+)/ ? $1 : 0), " ", int(-0.9), "\n";
print "cmp: ", (1 <=> 2), " ", (2 <=> 1), " ", ("10" == 10.0 ? "eq" : "ne"), " ", ("1.0" eq "1" ? "eq" : "ne"), "\n";
my $nan = "nan" + 0;
my $inf = 9**9**9;
print "inf: $inf ", -$inf, " ", $inf - $inf, " ", $inf * 0, " ", ($nan == $nan ? "eq" : "ne"), "\n";
print "inf cmp: ", (defined($nan <=> 1) ? "def" : "undef"), " ", ($inf <=> 1), "\n";
print "inf strs: ", "inf" + 0, " ", "-Inf" + 0, " ", "INFINITY" + 0, " ", "NaN" + 0, " ", "nanx" * 1, "\n";
