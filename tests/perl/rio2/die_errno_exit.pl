# die with $! set exits with errno value; message from open failure.
use strict;
use warnings;
END { print "END status=$?\n" }
print "before\n";
open(my $fh, '<', '/nonexistent/psh/file') or die "Cannot open: $!\n";
print "not reached\n";
