# String building: concatenation, substr, join, repetition, index, lc/uc.
use strict;
use warnings;

my $N = 3_000_000;

my $s = "";
for my $i (1 .. $N) {
    $s .= chr(97 + $i % 26);
    $s .= $i if $i % 1000 == 0;
}
my $count = 0;
for (my $i = 0; $i + 5 <= length($s); $i += 7) {
    $count++ if substr($s, $i, 5) eq "hijkl";
}
my @parts;
push @parts, uc(substr($s, $_ * 10, 10)) for 0 .. $N / 20;
my $joined = join("-", @parts);
my $pos = 0;
my $found = 0;
while (($pos = index($joined, "ABC", $pos)) >= 0) { $found++; $pos++ }
my $rev = reverse $s;
my $rep = ("ab" x 1000) . ("cd" x 1000);
my $lens = 0;
$lens += length(lc($_) . ucfirst($_)) for @parts;
print "length ", length($s), " count $count parts ", scalar(@parts), " found $found rev ", substr($rev, 0, 10), " rep ", length($rep), " lens $lens\n";
