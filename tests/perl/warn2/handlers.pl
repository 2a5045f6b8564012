# local $SIG{__WARN__}, $SIG{__DIE__}, warnings captured and rethrown.
use strict;
use warnings;

my @caught;
{
    local $SIG{__WARN__} = sub { push @caught, $_[0] };
    my $u;
    my $s = "x" . $u;
    warn "custom\n";
    my $n = "abc" + 1;
}
print "caught ", scalar(@caught), ":\n", map { "  $_" } @caught;
my $u2;
my $s2 = "restored" . $u2;
{
    local $SIG{__DIE__} = sub { print "DIE handler: $_[0]" };
    eval { die "in eval\n" };
    print "after: $@";
}
{
    local $SIG{__WARN__} = sub { die "promoted: $_[0]" };
    eval { warn "warning\n"; print "not here\n" };
    print "eval got: $@";
}
local $SIG{__WARN__} = sub { print STDOUT "to stdout: $_[0]" };
warn "redirected\n";
my $v;
print "v=" . $v . "\n";
$SIG{__WARN__} = 'DEFAULT';
warn "default again\n";
$SIG{__WARN__} = 'IGNORE';
warn "ignored? no, IGNORE does not apply to __WARN__\n";
delete $SIG{__WARN__};
$SIG{__DIE__} = sub { print "global die handler: $_[0]" };
die "the end\n";
