# die exit status when $! is zero but $? is set.
use strict;
use warnings;
$! = 0;
$? = 3 << 8;
print "about to die\n";
die "status from \$?\n";
