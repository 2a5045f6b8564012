# __END__ in the main script also opens DATA; seek DATA to re-read.
use strict;
use warnings;

my @lines = <DATA>;
print "lines after __END__: ", scalar(@lines), "\n";
print "first: $lines[0]";
print "last: $lines[-1]";
chomp @lines;
my %cfg = map { split /\s*=\s*/, $_, 2 } grep { /=/ } @lines;
print "config: ", join("; ", map { "$_ => $cfg{$_}" } sort keys %cfg), "\n";
__END__
name = test
mode = fast = yes
level=3
trailing line without equals
