# A pipeline: build 10^6 hashrefs, then grep + sort + take the first 10.
use strict;
use warnings;

my $N = 1_000_000;

my $seed = 1;
my @cities = qw(Oslo Lima Rome Kyiv Baku Doha Riga Bern);
my @recs;
for my $i (1 .. $N) {
    $seed = ($seed * 1103515245 + 12345) % 2147483648;
    push @recs, { id => $i, city => $cities[$seed % 8], age => 18 + $seed % 60, score => ($seed >> 8) % 10000 };
}
my @top = (sort { $b->{score} <=> $a->{score} or $a->{id} <=> $b->{id} } grep { $_->{age} >= 50 && $_->{score} >= 9000 && $_->{city} ne 'Rome' } @recs)[0 .. 9];
printf "%7d %-4s %2d %4d\n", @{$_}{qw(id city age score)} for @top;
