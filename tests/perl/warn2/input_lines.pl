# die/warn after reading input add ", <FH> line N." (or chunk N).
use strict;
use warnings;

my $first = <STDIN>;
warn "after first line";
my @rest;
while (my $l = <STDIN>) {
    push @rest, $l;
    last if @rest == 2;
}
warn "after three lines";
my $u;
my $s = "x" . $u;
eval { die "in eval" };
print "eval: $@";
{
    local $/ = "";
    my $para = <STDIN>;
    warn "paragraph mode";
}
{
    local $/ = \4;
    my $rec = <STDIN>;
    warn "record mode";
}
{
    local $/;
    my $all = <STDIN>;
    warn "slurp";
}
my $eof = <STDIN>;
warn "at eof";
close STDIN;
warn "after close";
open(my $in, "<", $0) or die;
my $l = <$in>;
$l = <$in>;
die "dying after ", "two lines of script";
