#!/usr/bin/perl
use strict;
use warnings;

# Huffman coding: frequency table, tree built with a sorted queue,
# deterministic tie-breaking, encode/decode round trip, bit packing.
my $text = "this is an example of a huffman tree built in perl, isn't it?";

my %freq;
$freq{$_}++ for split //, $text;
my $seq = 0;
my @queue = map { { sym => $_, w => $freq{$_}, id => $seq++ } } sort keys %freq;
sub by_weight { $a->{w} <=> $b->{w} || $a->{id} <=> $b->{id} }
@queue = sort by_weight @queue;
while (@queue > 1) {
    my ($l, $r) = splice @queue, 0, 2;
    my $node = { w => $l->{w} + $r->{w}, left => $l, right => $r, id => $seq++ };
    # insert keeping order (binary search for position)
    my ($lo, $hi) = (0, scalar @queue);
    while ($lo < $hi) {
        my $mid = int(($lo + $hi) / 2);
        if ($queue[$mid]{w} <= $node->{w}) { $lo = $mid + 1 } else { $hi = $mid }
    }
    splice @queue, $lo, 0, $node;
}
my $root = $queue[0];
my %code;
sub walk {
    my ($n, $prefix) = @_;
    if (exists $n->{sym}) { $code{ $n->{sym} } = length $prefix ? $prefix : '0'; return }
    walk($n->{left}, $prefix . '0');
    walk($n->{right}, $prefix . '1');
}
walk($root, '');
printf "%d symbols, total weight %d\n", scalar keys %code, $root->{w};
for my $s (sort { length $code{$a} <=> length $code{$b} || $freq{$b} <=> $freq{$a} || $a cmp $b } keys %code) {
    my $shown = $s eq ' ' ? 'SP' : $s;
    printf "  %-3s %2d  %s\n", $shown, $freq{$s}, $code{$s};
}
my $bits = join '', map { $code{$_} } split //, $text;
printf "encoded: %d bits vs %d bits raw (%.1f%%)\n", length $bits, 8 * length $text, 100 * length($bits) / (8 * length $text);
my %rev = reverse %code;
my ($buf, $decoded) = ('', '');
for my $bit (split //, $bits) {
    $buf .= $bit;
    if (exists $rev{$buf}) { $decoded .= $rev{$buf}; $buf = '' }
}
print "round trip ", ($decoded eq $text ? "ok" : "FAILED"), "\n";
my $packed = pack 'B*', $bits;
printf "packed into %d bytes: %s...\n", length $packed, join ' ', map { sprintf '%02x', $_ } (unpack 'C*', $packed)[0 .. 7];
my $unpacked = substr unpack('B*', $packed), 0, length $bits;
print "unpack matches: ", ($unpacked eq $bits ? 'yes' : 'no'), "\n";
my $entropy = 0;
for (values %freq) { my $p = $_ / length $text; $entropy -= $p * log($p) / log(2) }
printf "entropy %.4f bits/symbol, average code %.4f\n", $entropy, length($bits) / length($text);
sub depth { my $n = shift; return 0 if exists $n->{sym}; my ($l, $r) = (depth($n->{left}), depth($n->{right})); 1 + ($l > $r ? $l : $r) }
print "tree depth: ", depth($root), "\n";
