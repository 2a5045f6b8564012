# Deep recursion warning (once per sub) and exiting subroutines via next/last.
use strict;
use warnings;

sub depth { my $n = shift; return $n == 0 ? 0 : 1 + depth($n - 1) }
print "depth: ", depth(150), "\n";
print "again: ", depth(120), "\n";
my $f;
$f = sub { my $n = shift; $n ? $f->($n - 1) + 1 : 0 };
print "anon: ", $f->(101), "\n";
{
    no warnings 'recursion';
    sub quiet { my $n = shift; $n ? quiet($n - 1) : 0 }
    print "quiet: ", quiet(200), "\n";
}
sub skipper { next }
sub stopper { last }
for my $i (1 .. 3) {
    skipper() if $i == 2;
    print "i=$i\n";
}
for my $j (1 .. 3) {
    stopper() if $j == 2;
    print "j=$j\n";
}
my @r = map { $_ * 2 } grep { $_ % 2 } 1 .. 5;
print "r: @r\n";
OUTER: for my $k (1 .. 2) {
    my $g = sub { next OUTER };
    $g->() if $k == 1;
    print "k=$k\n";
}
print "end\n";
