# Word-frequency counter over __DATA__: top words, length histogram.
use strict;
use warnings;

my (%freq, %by_len, $total);
my $lines = 0;
while (my $line = <DATA>) {
    $lines++;
    for my $w (map { lc } $line =~ /([A-Za-z']+)/g) {
        $w =~ s/^'+|'+$//g;
        next unless length $w;
        $freq{$w}++;
        $by_len{ length $w }++;
        $total++;
    }
}
printf "%d lines, %d words, %d distinct\n", $lines, $total, scalar keys %freq;
my @top = (sort { $freq{$b} <=> $freq{$a} || $a cmp $b } keys %freq)[0 .. 9];
my $rank = 0;
for my $w (@top) {
    printf "%2d. %-10s %3d %5.1f%% %s\n", ++$rank, $w, $freq{$w}, 100 * $freq{$w} / $total, '*' x $freq{$w};
}
print "length histogram:\n";
for my $len (sort { $a <=> $b } keys %by_len) {
    printf "  %2d | %-20s %d\n", $len, '#' x $by_len{$len}, $by_len{$len};
}
my @hapax = sort grep { $freq{$_} == 1 } keys %freq;
print "hapax legomena: ", scalar(@hapax), " e.g. @hapax[0 .. 4]\n";
my ($longest) = sort { length $b <=> length $a || $a cmp $b } keys %freq;
print "longest word: $longest\n";
__DATA__
It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair, we had
everything before us, we had nothing before us, we were all going direct
to Heaven, we were all going direct the other way -- in short, the period
was so far like the present period, that some of its noisiest authorities
insisted on its being received, for good or for evil, in the superlative
degree of comparison only. There's nothing 'quoted' here.
