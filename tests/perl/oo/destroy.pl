# DESTROY timing: scope exit, undef, reassignment, containers, global destruction.
use strict;
use warnings;

package Tracker;
my @log;
sub new { my ($c, $n) = @_; print "  new $n\n"; bless { n => $n }, $c }
sub DESTROY { my $s = shift; print "  DESTROY $s->{n}\n" }

package main;
print "scope exit:\n";
{
    my $a = Tracker->new("a");
    print "  in scope\n";
}
print "after scope\n";
print "undef:\n";
my $b = Tracker->new("b");
undef $b;
print "after undef\n";
print "reassignment:\n";
my $c = Tracker->new("c1");
$c = Tracker->new("c2");
print "after reassign\n";
$c = undef;
print "two refs:\n";
my $d = Tracker->new("d");
my $d2 = $d;
undef $d;
print "  one ref left\n";
undef $d2;
print "array of objects:\n";
my @arr = map { Tracker->new("arr$_") } 1 .. 3;
splice(@arr, 1, 1);
print "  spliced\n";
@arr = ();
print "  cleared\n";
print "hash of objects:\n";
my %h = (x => Tracker->new("hx"), y => Tracker->new("hy"));
delete $h{x};
print "  deleted x\n";
%h = ();
print "nested ownership:\n";
{
    my $outer = Tracker->new("outer");
    $outer->{inner} = Tracker->new("inner");
}
print "returned object:\n";
sub make { my $t = Tracker->new("made"); return $t }
{
    my $m = make();
    print "  got it\n";
}
print "temporary:\n";
Tracker->new("temp");
print "  after temp statement\n";
print "loop:\n";
for my $i (1 .. 2) {
    my $l = Tracker->new("loop$i");
}
print "local in sub:\n";
sub user { my $u = Tracker->new("sub-local"); return "ret" }
my $r = user();
print "  user returned $r\n";
print "die unwinding:\n";
eval {
    my $e = Tracker->new("in-eval");
    die "oops\n";
};
print "  caught $@";
print "global:\n";
our $global = Tracker->new("global");
my $file_lexical = Tracker->new("file-lexical");
print "end of program\n";
