# `...` (yada yada) dies "Unimplemented" when reached; a bare block may
# have a continue block (run after the body and after next, not after last).
use strict;
use warnings;
sub todo { ... }
sub partly { my $x = shift; return $x * 2 if $x; ... }
print partly(4), "\n";
eval { partly(0) }; print "err: $@";
eval { todo() }; print "err: $@";
my $i = 0;
{
    $i++;
    next if $i < 2;
    print "body $i\n";
}
continue {
    print "continue $i\n";
}
OUTER: {
    print "in OUTER\n";
    last OUTER;
}
continue {
    print "never\n";
}
my $n = 0;
{ $n++; redo if $n < 3; print "n=$n\n" } continue { print "cont n=$n\n" }
