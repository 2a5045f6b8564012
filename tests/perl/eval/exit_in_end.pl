# $? can be changed in END; nested END blocks run in reverse order.
use strict;
use warnings;

END { print "first END (runs last): $?\n"; $? = 7 }
END { print "second END (runs first): $?\n" }
print "main done\n";
exit 1;
