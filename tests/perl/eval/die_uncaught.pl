# An uncaught die: message on stderr, exit status 255, END blocks run.
use strict;
use warnings;

END { print "END block runs, \$? = $?\n" }
print "before\n";
sub level3 { die "fatal error in level3" }
sub level2 { level3() }
level2();
print "never printed\n";
