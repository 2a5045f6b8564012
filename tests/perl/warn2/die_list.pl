# die with a list, with and without trailing newline, nested evals, $@ propagation.
use strict;
use warnings;

eval { die "a", "b", "c" };
print "1: $@";
eval { die "with newline\n" };
print "2: $@";
eval { die };
print "3: $@";
eval { eval { die "inner\n" }; die };
print "4: $@";
eval { eval { die "inner2" }; die };
print "5: $@";
eval { $@ = "preset\n"; die };
print "6: $@";
eval { die "" };
print "7: $@";
eval { die undef };
print "8: $@";
eval { my @l = ("x", "y\n"); die @l };
print "9: $@";
eval { die 42 };
print "10: $@";
my $r = eval { 7 };
print "11: [$@] $r\n";
eval { warn "warned\n"; 1 } and print "12: survived\n";
eval { die "line ", __LINE__, "\n" };
print "13: $@";
sub thrower { die "from sub" }
eval { thrower() };
print "14: $@";
eval { die [1, 2, 3] };
print "15: ", ref($@), " ", scalar(@{$@}), "\n";
local $@;
eval { 1 };
print "16: [", $@, "]\n";
die "final", " words";
