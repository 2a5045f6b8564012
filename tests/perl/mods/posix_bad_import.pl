# Importing a name POSIX does not export dies at compile time, as in perl.
use strict;
use warnings;
print "never printed\n";
use POSIX qw(floor nosuchname);
