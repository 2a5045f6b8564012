# warn texts: location suffix, list, empty, objects, $@ propagation, <FH> line N.
use strict;
use warnings;

warn "plain\n";
warn "no newline";
warn "a", "b", "c";
warn;
$@ = "previous error\n";
warn;
$@ = "";
warn "";
my @e = ();
warn @e;
warn undef;
warn 0;
my $obj = bless {}, "Thing";
{
    local $SIG{__WARN__} = sub { print "handler got: ", ref($_[0]) || $_[0] };
    warn $obj;
    print "\n";
    warn "to handler\n";
    warn "no nl to handler";
}
open(my $fh, "<", $0) or die;
my $l = <$fh>;
warn "after reading";
$l = <$fh>;
$l = <$fh>;
warn "after three lines";
close $fh;
warn "after close";
open($fh, "<", $0) or die;
{ local $/; my $all = <$fh>; }
warn "slurped";
{ local $/ = \10; my $c = <$fh>; }
close $fh;
open(my $fh2, "<", $0) or die;
{ local $/ = ""; my $p = <$fh2>; warn "paragraph"; }
eval { die "in eval" };
print "eval: $@";
print "done\n";
