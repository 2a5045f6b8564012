# Odd number of elements / reference found where even-sized list expected.
use strict;
use warnings;

my %a = (1, 2, 3);
print join(",", map { "$_=" . ($a{$_} // "undef") } sort keys %a), "\n";
my %b = [1, 2];
print "b keys: ", scalar(keys %b), "\n";
my %c = {x => 1};
print "c keys: ", scalar(keys %c), "\n";
my %d = ("only");
my @list = (1, 2, 3, 4, 5);
my %e = @list;
print "e: ", join(",", map { "$_=" . ($e{$_} // "u") } sort keys %e), "\n";
my $hr = {1, 2, 3};
print "hr: ", join(",", sort keys %$hr), "\n";
my %f;
%f = (a => 1, b => );
print "f: ", join(",", sort keys %f), "\n";
sub ctx { return (x => 1, 'y') }
my %g = ctx();
print "g: ", scalar(keys %g), "\n";
my %h = ();
print "h empty ok\n";
{
    no warnings 'misc';
    my %q = (1);
    print "quiet misc\n";
}
my ($s, %rest) = (1, 2, 3, 4);
print "rest: ", join(",", map { "$_=" . ($rest{$_} // "u") } sort keys %rest), "\n";
my ($t, %rest2) = (1, 2, 3);
print "rest2 done\n";
my %i = (undef, 1);
print "i: ", join(",", map { "[$_]" } keys %i), "\n";
print "end\n";
