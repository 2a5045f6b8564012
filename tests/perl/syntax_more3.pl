# qr\…\ and m\…\ with backslash delimiters; for my (…) with extra and
# trailing commas; last/next with a label computed at run time.
use strict;
use warnings;
my $re = qr\a.c\;
print "abc" =~ $re ? "qr backslash\n" : "no\n";
print "abc" =~ m\b\ ? "m backslash\n" : "no\n";
print q\single\, "\n";
for my ($k, $v,) (a => 1, b => 2) { print "$k=$v\n" }
for my ($x,, $y) (1 .. 4) { print "$x+$y\n" }
my $label = "OUTER";
OUTER: for my $i (1 .. 3) {
    for my $j (1 .. 3) {
        next $label if $j == 2;
        print "$i$j\n";
    }
}
my $stop = "LOOP";
LOOP: while (1) { last $stop }
print "left loop\n";
