# use strict: an undeclared variable is a compile-time error (nothing runs).
use strict;
use warnings;

print "this line never runs\n";
my $declared = 1;
$undeclared = 2;
print "value: $undeclared\n";
