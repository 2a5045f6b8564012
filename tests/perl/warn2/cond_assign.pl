# "Found = in conditional", precedence and other compile-time warnings.
use strict;
use warnings;

my $x = 0;
if ($x = 1) { print "assigned in if\n" }
print "unless\n" unless ($x = 0);
my $y = 5;
if ($y = $x) { print "var assign no warning\n" }
while (my $line = shift @ARGV) { print "arg\n" }
open(my $fh, "<", $0) || die "cannot";
my @list = (1, 2, 3);
my $n = @list;
print "n=$n\n";
my $z = 1 ? "a" : "b";
print "z=$z\n";
my $t = !$x == 1;
print "t=$t\n";
print "end\n";
