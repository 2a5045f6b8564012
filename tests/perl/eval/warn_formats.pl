# warn: with/without newline, no args, lists, $SIG{__WARN__}, $SIG{__DIE__}.
use strict;
use warnings;

warn "plain warning\n";
warn "no newline";
warn "list ", "of ", "parts", "\n";
warn;
$@ = "pending error";
warn;
$@ = "";
my @empty = ();
warn @empty;
{
    local $SIG{__WARN__} = sub { print "caught warn: $_[0]" };
    warn "to handler\n";
    warn "handler no newline";
    my $x;
    my $y = "a" . $x;
}
{
    my @seen;
    local $SIG{__WARN__} = sub { push @seen, $_[0] };
    warn "one\n";
    warn "two\n";
    print "collected: ", scalar(@seen), " ", join("", @seen);
}
{
    local $SIG{__DIE__} = sub { print "DIE handler saw: $_[0]" };
    eval { die "inside eval\n" };
    print "after eval: $@";
}
{
    local $SIG{__DIE__} = sub { die "rewritten: $_[0]" };
    eval { die "original\n" };
    print "rewritten by handler: $@";
}
{
    local $SIG{__WARN__} = sub { die "warning became fatal: $_[0]" };
    eval { warn "escalate\n" };
    print "escalated: $@";
}
{
    local $SIG{__WARN__} = 'IGNORE';
    print "IGNORE isn't special for __WARN__? ";
}
print "\n";
use warnings FATAL => 'uninitialized';
my $u;
eval { my $s = "x" . $u; 1 } or print "FATAL warnings: $@";
warn "final warning\n";
print "done\n";
