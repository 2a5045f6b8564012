# Word counting in a hash over generated text.
use strict;
use warnings;

my $WORDS = 3_000_000;

my @syll = qw(ka ri to me su na lo pe qu zi);
my $seed = 42;
sub rnd { $seed = ($seed * 1103515245 + 12345) % 2147483648; return $seed }
my %count;
for (1 .. $WORDS) {
    my $w = $syll[rnd() % 10] . $syll[rnd() % 10];
    $w .= $syll[rnd() % 10] if rnd() % 3 == 0;
    $count{$w}++;
}
my @top = (sort { $count{$b} <=> $count{$a} || $a cmp $b } keys %count)[0 .. 4];
my $total = 0;
$total += $_ for values %count;
print "distinct ", scalar(keys %count), " total $total top: ", join(" ", map { "$_=$count{$_}" } @top), "\n";
