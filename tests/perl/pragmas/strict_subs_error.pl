# use strict subs: a bareword is a compile-time error.
use strict;
BEGIN { print "BEGIN runs before the error\n" }
my $x = bareword_here;
print "never\n";
