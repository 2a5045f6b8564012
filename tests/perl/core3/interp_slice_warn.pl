# "Scalar value @x[0] better written as $x[0]" for one-element slices in strings
use strict; use warnings;
my @s = (1, 2, 3); my %h = (a => 1); my $i = 1;
print "@s[0] @s[-1] @s[$i] @h{a} @h{'a'} @s[0,1] @s[0..1]\n";
sub f { return "@s[2]" } print f(), "\n";
my @s = (1); my %h = (k => 1);
my $x = @s[0] if 0;
print "[@h{k}]\n" if 0;
print "[@s[0]]\n" unless 1;
0 and print "@s[0]";
