# Number formatting: how perl stringifies integers and floats (%.15g).
use strict;
use warnings;

my @vals = (
    0, 1, -1, 42, 3.0, 3.5, -0.0, 0.1 + 0.2, 1 / 3, 2 / 3, 1e15, 1e16, 1e20,
    1e21, 1.5e21, 123456789012345678, 1e-4, 1e-5, 0.000123, 1.23e-10,
    3.14159265358979, 2**52, 2**53, 2**53 + 1, 2**63, 2**64, -2**63,
    9007199254740993, 18446744073709551615, 18446744073709551616,
    9223372036854775807, -9223372036854775808, 1e100, 1.7976931348623157e308,
    0.5, 1.5, 100 * 1.1, 1 - 0.9, 255 / 5, 7 / 2, -7 / 2, 1e3, 12.50, 1_000_000,
    0x1F, 0b1010, 0o17, 017, 1.0e0,
);
for my $i (0 .. $#vals) {
    print "$i: $vals[$i]\n";
}

# integer overflow turns into floats
my $big = 9223372036854775807;
print "max+1: ", $big + 1, "\n";
print "max*2: ", $big * 2, "\n";
my $u = 18446744073709551615;
print "umax: $u\n";
print "umax+1: ", $u + 1, "\n";
print "umax-1: ", $u - 1, "\n";
print "neg: ", -9223372036854775807 - 1, "\n";
print "neg-1: ", -9223372036854775807 - 2, "\n";
print "mul: ", 4294967296 * 4294967296, "\n";
print "mul2: ", 3037000499 * 3037000499, "\n";
print "fact20: ", fact(20), "\n";
print "fact21: ", fact(21), "\n";
print "fact25: ", fact(25), "\n";
sub fact { my $n = shift; my $r = 1; $r *= $_ for 2 .. $n; $r }

# inf and nan
my $inf = 9**9**9;
my $ninf = -9**9**9;
my $nan = $inf - $inf;
print "inf: $inf ninf: $ninf\n";
print "nan is nan: ", ($nan != $nan ? "yes" : "no"), "\n";
print "inf+1: ", $inf + 1, " inf*0 is nan: ", (($inf * 0) != ($inf * 0) ? 1 : 0), "\n";
print "inf cmp: ", ($inf > 1e308 ? 1 : 0), " ", ($ninf < -1e308 ? 1 : 0), "\n";
print "str inf: ", "inf" + 0, " ", "-Inf" + 0, " ", "infinity" + 0, "\n";

# integer-ness
print "int: ", int(7.9), " ", int(-7.9), " ", int(1e20), " ", int("42.9xyz" =~ /(\d+\.\d+)/ ? $1 : 0), "\n";
print "abs: ", abs(-3), " ", abs(-3.5), " ", abs(0), "\n";
print "sqrt: ", sqrt(16), " ", sqrt(2), "\n";
print "exp/log: ", exp(1), " ", log(exp(2)), " ", log(10), "\n";
print "trig: ", sin(0), " ", cos(0), " ", atan2(1, 1) * 4, "\n";
print "hex/oct: ", hex("ff"), " ", hex("0xFF"), " ", oct("755"), " ", oct("0x1f"), " ", oct("0b101"), " ", oct("0o17"), "\n";
print "float eq: ", (0.1 + 0.2 == 0.3 ? "eq" : "ne"), "\n";
print "sum: ", 0.1 + 0.2 - 0.3, "\n";
print "round trip: ", 0.1 * 3, " ", 1.1 * 1.1, " ", 1e15 + 0.3, "\n";
print "division: ", 10 / 2, " ", 10 / 4, " ", 10 / 3, " ", -10 / 4, " ", 2**0.5, "\n";
print "powers: ", 2**10, " ", 2**-1, " ", (-2)**3, " ", 2**62, " ", 2**64, " ", 10**15, " ", 10**16, "\n";
