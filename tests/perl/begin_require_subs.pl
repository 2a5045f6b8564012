# Subs of a file required in BEGIN are known to the rest of the file:
# called as barewords under strict, with their prototypes.
use strict;
use warnings;
BEGIN { require './begin_require_subs.inc'; }
print "yes\n" if is_ready;
my @list = (4, 5, 6);
print count_of @list, "\n";
print glob_ref_type(), "\n";
