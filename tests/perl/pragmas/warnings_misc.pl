# Assorted warnings texts.
use strict;
use warnings;

my $n = "3abc" + 1;
my $m = "abc" * 2;
my $empty = "" + 0;
my %h = (1, 2, 3);
my %r = ([1], 2);
my @a = (1, 2);
my $x = @a[0];
my $str = "x" x -1;
my $s = substr("abc", 5, 1);
my $r = reverse undef;
print "reference as number: ", ((\1) + 0 > 0 ? "positive" : "?"), "\n";
my $o = oct("9");
my $hex = hex("xyz");
my $sp = sprintf("%d", "1.5x");
my @b = (1) x 2;
local $, = undef;
print "printed\n";
my $undef_key;
my %k = ($undef_key => 1);
{
    no warnings;
    my $quiet = "5 apples" * 2;
    print "quiet: $quiet\n";
}
{
    no warnings 'numeric';
    my $q2 = "7 dwarves" + 0;
    print "category off: $q2\n";
}
print "end\n";
