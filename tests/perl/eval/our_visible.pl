# string eval sees the `our` declarations around it (under strict), in
# subs and packages too; format argument lines may span lines in strings.
use strict;
use warnings;
our $x = 1;
eval q{print "x=$x\n"};
print "err: $@" if $@;
sub f { our $y = 2; eval q{print "y=$y\n"}; print "err: $@" if $@ }
f();
our ($a1, $b1) = (4, 5);
eval q{print "$a1 $b1\n"; $b1++};
print "b1 now $b1\n";
package P;
eval q{print "in P: $x\n"};
package main;
my $lex = "lexical";
eval q{print "$lex and $x\n"};
eval "format STDOUT =\n@<<<<<<<<<<<<<< @<<\n'multi\nline', \$a1\n.\n";
print "err: $@" if $@;
write;
