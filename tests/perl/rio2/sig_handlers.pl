# $SIG{__DIE__} and $SIG{__WARN__}: invocation, local, rethrow with objects, caller in handlers.
use strict;
use warnings;

my @log;
local $SIG{__WARN__} = sub { push @log, "W:" . $_[0] };
warn "first warning\n";
warn "no newline";
warn "multi", "part", "\n";
my $undef;
{ no warnings; my $x = "a" . $undef; }
{ my $x = "b" . (defined $undef ? $undef : ""); }
warn;
print for @log;
@log = ();

# __DIE__ handler sees message, can rewrite it by dying again
{
    local $SIG{__DIE__} = sub { die "wrapped(" . $_[0] =~ s/\n//r . ")\n" };
    eval { die "orig\n" };
    print "rewritten: $@";
}

# __DIE__ handler called even inside eval; $^S tells
{
    my @seen;
    local $SIG{__DIE__} = sub { push @seen, ($^S ? "in-eval" : "top") . ":" . $_[0] };
    eval { die "e1\n" };
    eval { eval { die "e2\n" }; };
    print "die handler: ", join("", @seen);
}

# handler gets objects unchanged
{
    local $SIG{__DIE__} = sub { print "handler ref: ", ref($_[0]), "\n" };
    eval { die bless({}, 'Oops') };
    print "caught: ", ref($@), "\n";
}

# caller inside the die handler
sub thrower { die "from thrower\n" }
{
    local $SIG{__DIE__} = sub {
        my @c = caller(1);
        print "handler caller sub: ", (defined $c[3] ? $c[3] : 'none'), "\n";
    };
    eval { thrower() };
}

# warn inside warn handler does not recurse into handler
{
    local $SIG{__WARN__} = sub { print "handled: $_[0]" };
    warn "outer\n";
}

# default warn goes to STDERR with line
{
    local $SIG{__WARN__};
    warn "to stderr no nl";
    warn "to stderr nl\n";
}

# $SIG{__WARN__} set to 'IGNORE'-like empty sub suppresses
{
    local $SIG{__WARN__} = sub { };
    warn "suppressed\n";
    print "after suppressed\n";
}

# warn with an object
{
    local $SIG{__WARN__} = sub { print "warn obj: ", ref($_[0]) || "plain", "\n" };
    warn bless({}, 'WarnObj');
    warn "string\n";
}

# die handler that returns normally: die continues
{
    local $SIG{__DIE__} = sub { print "saw: $_[0]" };
    eval { die "continue\n" };
    print "still caught: $@";
}

# warn with $@ propagation: warn with no args after failed eval
eval { die "oops\n" };
{
    local $SIG{__WARN__} = sub { print "empty warn: $_[0]" };
    warn;
}
$@ = "";
{
    local $SIG{__WARN__} = sub { print "empty warn2: $_[0]" };
    warn;
}
# die in __DIE__ handler at top level: exit status
local $SIG{__DIE__} = sub { print STDOUT "final handler: $_[0]" };
die "fatal end\n";
