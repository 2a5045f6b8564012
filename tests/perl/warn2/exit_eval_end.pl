# exit inside eval is not caught; END blocks see and may change $?.
use strict;
use warnings;

END { print "END 1: \$? = $?\n"; $? = 4 if $? == 3 }
END { print "END 2 runs first: \$? = $?\n" }
my $r = eval { print "in eval\n"; exit 3; 1 };
print "not reached\n";
