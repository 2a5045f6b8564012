# die exit status comes from $! then $? >> 8, else 255.
use strict;
use warnings;
$| = 1;
print "start\n";
open(my $fh, "<", "/nonexistent/dir/file") or do {
    print "errno set: ", ($! + 0 > 0 ? "yes" : "no"), "\n";
};
$! = 5;
die "dying with errno 5\n";
