#!/usr/bin/perl
use strict;
use warnings;

# Text statistics over STDIN: words, lines, letters, tr counting.
my (%freq, %len_hist, @lines);
my ($chars, $words, $vowels, $upper) = (0, 0, 0, 0);
while (my $line = <STDIN>) {
    chomp $line;
    push @lines, $line;
    $chars += length $line;
    $vowels += ($line =~ tr/aeiouAEIOU//);
    $upper += ($line =~ tr/A-Z//);
    for my $w (split /[^A-Za-z']+/, $line) {
        next unless length $w;
        $w =~ s/^'+|'+$//g;
        next unless length $w;
        $words++;
        $freq{ lc $w }++;
        $len_hist{ length $w }++;
    }
}
printf "lines=%d words=%d chars=%d vowels=%d upper=%d\n", scalar @lines, $words, $chars, $vowels, $upper;
printf "average words/line: %.2f\n", @lines ? $words / @lines : 0;

my @top = sort { $freq{$b} <=> $freq{$a} || $a cmp $b } keys %freq;
print "Top words:\n";
for my $w (@top[0 .. 7]) {
    printf "  %-10s %3d %s\n", $w, $freq{$w}, '#' x $freq{$w};
}
print "Word lengths:\n";
my $max = 0;
$max < $_ and $max = $_ for values %len_hist;
for my $l (sort { $a <=> $b } keys %len_hist) {
    printf "  %2d | %-*s| %d\n", $l, $max, '*' x $len_hist{$l}, $len_hist{$l};
}
my @longest = grep { length == length $top[0] || 1 } @top;
my ($long) = sort { length($b) <=> length($a) || $a cmp $b } keys %freq;
print "Longest word: $long (", length $long, ")\n";
my @hapax = sort grep { $freq{$_} == 1 } keys %freq;
print "Hapax legomena: ", scalar(@hapax), "\n";
print "  first five: @hapax[0..4]\n";

# Line-level: longest line, reverse each line's words, title case
my ($longest) = sort { length $b <=> length $a } @lines;
print "Longest line has ", length($longest), " chars\n";
for my $i (0 .. 2) {
    my $l = $lines[$i];
    my $rev = join ' ', reverse split ' ', $l;
    (my $title = lc $l) =~ s/\b(\w)/\U$1/g;
    print "[$i] rev: $rev\n";
    print "[$i] title: $title\n";
}
my $text = join ' ', @lines;
my $sentences = () = $text =~ /[.!?](?:\s|$)/g;
print "Sentences: $sentences\n";
(my $squeezed = $text) =~ tr/a-zA-Z//cs;
print "Squeezed length: ", length($squeezed), "\n";
my %letters;
$letters{$_}++ for grep { /[a-z]/ } split //, lc $text;
print join(' ', map { "$_:$letters{$_}" } (sort { $letters{$b} <=> $letters{$a} || $a cmp $b } keys %letters)[0 .. 5]), "\n";
