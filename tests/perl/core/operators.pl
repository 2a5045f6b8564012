# Arithmetic, assignment ops, logical ops, string ops, ternary lvalue.
use strict;
use warnings;

print "mod: ", join(" ", 7 % 3, -7 % 3, 7 % -3, -7 % -3, 7.5 % 2, -7.5 % 2, 2**63 % 7), "\n";
{
    use integer;
    print "mod integer: ", join(" ", -7 % 3, 7 % -3, 7 / 2, -7 / 2), "\n";
}
print "pow: ", join(" ", 2**10, 2**0.5, (-8)**(1/3) != (-8)**(1/3) ? "nan" : "num", 0**0, -2**2, (-2)**2, 2**-2, 2**3**2), "\n";
print "div: ", join(" ", 1 / 4, 6 / 3, 7 / 2, -7 / 2, 1e300 * 1e10), "\n";
print "int div: ", int(7 / 2), " ", int(-7 / 2), "\n";
print "unary minus: ", -"foo", " ", -"-bar", " ", - -5, " ", -"10", "\n";
print "precedence: ", 2 + 3 * 4, " ", (2 + 3) * 4, " ", 2**2 * 3, " ", -3**2, " ", !1 + 1, " ", 10 - 2 - 3, " ", 2 ** 3 ** 0, "\n";
print "string ops: ", "a" . "b" x 3, " ", "-" x 5, " ", join(",", ("a", "b") x 2), "\n";
print "comparison: ", join(" ", 1 <=> 2, 2 <=> 1, 1 <=> 1, "a" cmp "b", "b" cmp "a", "a" lt "b", "B" lt "a", 10 == 10.0, "abc" x (1 < 2)), "\n";
print "spaceship with nan: ", defined(9**9**9 / 9**9**9 <=> 1) ? "defined" : "undef", "\n";

my $x = 10;
$x += 5;  print "+= $x\n";
$x -= 3;  print "-= $x\n";
$x *= 2;  print "*= $x\n";
$x /= 4;  print "/= $x\n";
$x **= 2; print "**= $x\n";
$x %= 7;  print "%= $x\n";
$x .= "0"; print ".= $x\n";
$x x= 2;  print "x= $x\n";
$x = 12;
$x |= 3;  print "|= $x\n";
$x &= 6;  print "&= $x\n";
$x ^= 5;  print "^= $x\n";
$x <<= 3; print "<<= $x\n";
$x >>= 1; print ">>= $x\n";
my $u;
$u //= "was undef"; print "//= $u\n";
my $z = 0;
$z ||= "was false"; print "||= $z\n";
my $t = 1;
$t &&= "was true"; print "&&= $t\n";
my $chain = my $other = 5;
print "chained assign: $chain $other\n";
my ($p, $q, $r) = (1) x 3;
print "x list assign: $p $q $r\n";

print "logical: ", (0 || "b"), " ", (1 && "c"), " ", ("" // "d"), " ", (undef // "e"), " ", (0 && "no"), "|\n";
my @res = (not 0, not 1);
print "not: '", join("','", @res), "'\n";
print "xor: ", (1 xor 0) ? "t" : "f", (1 xor 1) ? "t" : "f", "\n";
my $v = 0 || undef // "def-or";
print "mixed: $v\n";
my $lo = (1 and 0) || "fallback";
print "and/or: $lo\n";
my @list = (5) x 3;
my $ok = @list && $list[0] == 5;
print "array && : $ok\n";
# short-circuit side effects
my $calls = 0;
sub bump { $calls++; return $_[0] }
my $dummy = bump(0) && bump(1);
$dummy = bump(1) || bump(1);
$dummy = bump(undef) // bump(2);
print "calls: $calls\n";
# ternary
for my $n (-1, 0, 1) { print "sign($n) = ", ($n < 0 ? "neg" : $n == 0 ? "zero" : "pos"), "\n" }
my ($aa, $bb) = (1, 2);
(1 ? $aa : $bb) = 5;
(0 ? $aa : $bb) = 6;
print "ternary lvalue: $aa $bb\n";
# increments
my $i = 5;
my $post = $i++;
my $pre = ++$i;
print "incr: $post $pre $i ", $i--, " ", --$i, "\n";
# string multiplication precedence, repetition of lists in list assignment
my @grid = ('.') x 4;
print "grid: @grid\n";
# numeric string comparison gotchas
print "str vs num: ", ("10" == 10.0 ? "==" : "!="), " ", ("10" eq "10.0" ? "eq" : "ne"), " ", ("abc" lt "abd" ? "lt" : "ge"), "\n";
# chained string relational
my @sorted = sort { $a <=> $b } (3, 11, 2);
print "sorted: @sorted\n";
# range operator in list context
print "ranges: ", join(",", 1 .. 5), " ", join(",", 'a' .. 'e'), " ", join(",", 'aa' .. 'ad'), " ", join(",", 'x' .. 'ab'), " ", scalar(my @e = (5 .. 1)), "\n";
print "range of strings with digits: ", join(",", '08' .. '11'), " ", join(",", 'a8' .. 'b1'), "\n";
print "float range: ", join(",", 1.5 .. 4.5), "\n";
# chained comparison (5.32+)
my $m = 5;
print "chained: ", (1 < $m < 10 ? "in" : "out"), " ", (1 < $m <= 4 ? "in" : "out"), " ", (0 <= $m == 5 ? "t" : "f"), "\n";
# numeric/string equality on references to same thing
my $ref = [1];
print "ref == ref: ", ($ref == $ref ? 1 : 0), "\n";
# exponent of big/neg
print "big: ", 10**20, " ", -(2**63), " ", 9**20, "\n";
# the comma and fat comma
my @fc = (a => 1, b => 2);
print "fat comma: @fc\n";
print "repeat with join: ", join("+", ("ab") x 3), "\n";
