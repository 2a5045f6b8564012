# die inside an END block: message printed, status becomes 255... or $!.
use strict;
use warnings;
$| = 1;
END { print "second END still runs, \$? = $?\n" }
END { $! = 0; die "dying in END\n" }
print "main done\n";
exit 7;
