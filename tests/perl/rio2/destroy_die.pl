# DESTROY order, die inside DESTROY, local $@, eval/or do, $@ preserved across destructors.
use strict;
use warnings;

package Guard;
my $seq = 0;
sub new { my ($c, $n) = @_; print "new $n\n"; return bless { name => $n }, $c }
sub DESTROY { my $s = shift; print "DESTROY $s->{name}\n" }

package Dier;
sub new { bless { }, shift }
sub DESTROY { die "die in destroy\n" }

package Evaler;
sub new { bless {}, shift }
sub DESTROY { eval { die "inner destroy error\n" }; }

package LocalEvaler;
sub new { bless {}, shift }
sub DESTROY { local $@; eval { die "hidden\n" }; }

package main;

{
    my $a = Guard->new("a");
    my $b = Guard->new("b");
    print "end of scope\n";
}
print "after scope\n";

{
    my $outer = Guard->new("outer");
    $outer->{child} = Guard->new("child");
}
print "nested done\n";

my $g = Guard->new("reassigned");
$g = Guard->new("second");
print "after reassign\n";
undef $g;
print "after undef\n";

my @arr = map { Guard->new("arr$_") } 1 .. 3;
splice(@arr, 1, 1);
print "after splice\n";
@arr = ();
print "after clear\n";

# die in DESTROY is turned into a warning
{
    local $SIG{__WARN__} = sub { print "warning: $_[0]" };
    { my $d = Dier->new; }
    print "survived die in destroy\n";
}

# eval in DESTROY clobbers $@ unless localised
eval { my $e = Evaler->new; die "real error\n" };
print "after Evaler: [", $@, "]\n";
eval { my $e = LocalEvaler->new; die "real error 2\n" };
print "after LocalEvaler: [", $@, "]\n";

# eval { } or do { }
my $ok = eval { die "failed op\n"; 1 } or do {
    my $err = $@ || "unknown";
    print "handled: $err";
    0;
};
print "ok=$ok\n";
my $ok2 = eval { 1 } or do { print "not reached\n" };
print "ok2=$ok2\n";

# local $@
eval { die "keep me\n" };
{
    local $@;
    eval { die "temporary\n" };
    print "inside local: $@";
}
print "restored: $@";

# DESTROY during die unwinding
eval {
    my $g1 = Guard->new("unwind");
    die "unwinding\n";
};
print "caught: $@";

# return value object destroyed after statement
sub make { return Guard->new("temp") }
make();
print "temp gone\n";
my $name = make()->{name};
print "name: $name\n";

# global destruction of remaining objects happens at exit
our $global = Guard->new("global");
my $lex = Guard->new("lexical");
END { print "END block\n" }
print "main done\n";
