# 'isn't numeric' and uninitialized warnings of numeric operators name the right operand first, as perl converts it first.
use warnings;
sub f { my ($p, $q) = @_; return ($p + $q, $p * $q, $p <=> $q, $p == $q) }
my @r = f('a1', 'b1');
for my $i (1..2) { my ($u, $v) = ("x$i", "y$i"); my $s = $u - $v; $s = $u ** $v; $s = $u < $v; }
my ($x, $y); my $z = $x + $y; $z = $x % 3; 
