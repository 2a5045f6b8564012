# use warnings FATAL => ... turns warnings into dies.
use strict;
use warnings;

my $u;
{
    use warnings FATAL => 'all';
    my $r = eval { my $s = "a" . $u; 1 };
    print "r=", ($r // "undef"), " err: $@";
    $r = eval { my $n = "3x" + 1; 1 };
    print "numeric: $@";
}
{
    use warnings FATAL => 'uninitialized';
    my $r = eval { my $n = "4x" + 1; print "numeric still a warning\n"; 1 };
    print "r=$r\n";
    eval { my $s = "b" . $u; };
    print "uninit: $@";
}
{
    use warnings FATAL => qw(numeric);
    eval { my $s = "c" . $u; print "uninit just warns\n" };
    eval { my $n = "5x" * 2 };
    print "fatal numeric: $@";
}
my $s = "after" . $u;
print "still running\n";
use warnings FATAL => 'all';
my $t = "final" . $u;
print "not reached\n";
