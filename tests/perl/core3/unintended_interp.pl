# "Possible unintended interpolation of @name in string" (no strict)
use warnings;
our @declared = (1); our %dh = (k => 1);
@global = (2); %gh = (a => 1);
print "@declared @global @gh{'a'} @dh{'k'}\n";
my @lex = (3); print "@lex @INC[0..-1] @ENV{'NOPE_X_Y'}|\n";
sub s1 { print "@_\n" } s1(4);
print "[@undeclared_thing]\n";
print "[@undeclared_thing[0]] [@undeclared_thing]\n";
use vars qw(@vv); print "@vv|\n";
print "@{[ 1 + 1 ]} @{ [5] }\n";
print "@main::declared @::global\n";
package Kid; use parent -norequire, 'Base'; package main;
print "@Kid::ISA\n";
print "$declared[0] $global[0]\n";
