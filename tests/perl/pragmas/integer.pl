# use integer: integer arithmetic, lexical scope.
use strict;
use warnings;

print "float: ", 10 / 3, " ", 7.5 + 1.9, " ", -7 / 2, "\n";
{
    use integer;
    print "integer: ", 10 / 3, " ", 7.5 + 1.9, " ", -7 / 2, " ", -7 % 3, " ", 2**0.5 * 1, "\n";
    my $x = 17;
    $x /= 5;
    print "integer assign-op: $x\n";
    print "integer big: ", 9223372036854775807 + 1, "\n";
    print "integer bit ops signed: ", ~0, " ", -1 >> 1, " ", 1 << 63, "\n";
    print "integer negative mod: ", -13 % 4, " ", 13 % -4, "\n";
    print "sqrt unaffected: ", sqrt(2), "\n";
}
print "back to float: ", 10 / 3, " ", -13 % 4, "\n";
sub avg { my $t = 0; $t += $_ for @_; return $t / @_ }
{
    use integer;
    print "sub defined outside is unaffected: ", avg(1, 2), "\n";
    my $s = 0;
    $s += $_ / 2 for 1 .. 5;
    print "sum of halves: $s\n";
}
{
    no integer;
    print "no integer: ", 1 / 4, "\n";
}
