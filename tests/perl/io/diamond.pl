# while (<>) reads STDIN when @ARGV is empty; $. and eof() behaviour; tr counting.
use strict;
use warnings;

my ($lines, $words, $chars) = (0, 0, 0);
my %freq;
while (<>) {
    $lines++;
    $chars += length;
    my @w = split;
    $words += @w;
    $freq{ lc $_ }++ for @w;
    print "$.: ", scalar(@w), " words", (eof() ? " (last line)" : ""), "\n";
}
print "lines=$lines words=$words chars=$chars\n";
print "most common: ", join(", ", map { "$_($freq{$_})" } (sort { $freq{$b} <=> $freq{$a} || $a cmp $b } keys %freq)[0 .. 2]), "\n";
print "ARGV name: $ARGV\n";
