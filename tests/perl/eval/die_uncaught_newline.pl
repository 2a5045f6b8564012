# die with a trailing newline: no "at FILE line N." suffix; stdout flushed.
use strict;
use warnings;
$| = 0;
print "buffered output before die\n";
print STDERR "stderr before die\n";
die "custom message\n";
