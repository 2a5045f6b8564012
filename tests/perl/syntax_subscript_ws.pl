# White space, newlines and comments between a variable and its subscript.
use strict;
use warnings;
my %h = (a => 1, b => 2);
my @a = (5, 6, 7);
print exists $h
   {a} ? "yes\n" : "no\n";
print $h {b}, $a [1], "\n";
my $r = \%h;
print $$r {a}, $r -> {b}, "\n";
print $a   # a comment
  [2], "\n";
my $x = $h{a}
  ;
print "$x\n";
our $h = "S"; print "in string: $h {a}\n";
