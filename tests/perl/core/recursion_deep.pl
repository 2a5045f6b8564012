# Deep recursion (100000 levels) must not overflow the stack.
use strict;
use warnings;
no warnings 'recursion';

sub count_down { my $n = shift; return $n == 0 ? 0 : 1 + count_down($n - 1) }
print "depth: ", count_down(100000), "\n";

sub sum_list { my ($n, $acc) = @_; return $acc if $n == 0; return sum_list($n - 1, $acc + $n) }
print "sum: ", sum_list(100000, 0), "\n";

my $depth = 0;
my $max = 0;
sub nest { $depth++; $max = $depth if $depth > $max; nest() if $depth < 50000; $depth-- }
nest();
print "max depth: $max, back to: $depth\n";

# recursion building a deep structure, then walking it recursively
my $list;
$list = { v => $_, next => $list } for 1 .. 20000;
sub walk { my $node = shift; return 0 unless $node; return $node->{v} + walk($node->{next}) }
print "linked sum: ", walk($list), "\n";
# free it iteratively to be kind to destructors
while ($list) { $list = $list->{next} }
print "done\n";
