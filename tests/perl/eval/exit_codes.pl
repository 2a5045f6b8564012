# exit with a status; END blocks see and may change $?.
use strict;
use warnings;

END { print "END: status is $?\n"; }
print "exiting with 3\n";
exit 3;
print "not reached\n";
