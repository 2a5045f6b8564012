# Recursive Fibonacci: sub call overhead.
use strict;
use warnings;

my $N = 32;

sub fib { my $n = shift; return $n < 2 ? $n : fib($n - 1) + fib($n - 2) }
print "fib($N) = ", fib($N), "\n";
