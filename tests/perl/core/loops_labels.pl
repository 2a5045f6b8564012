# last/next/redo with labels, continue blocks, nested loops.
use strict;
use warnings;

OUTER: for my $i (1 .. 4) {
    INNER: for my $j (1 .. 4) {
        next OUTER if $j > $i;
        next INNER if $j == 2;
        last OUTER if $i == 4;
        print "$i$j ";
    }
}
print "\n";
my @found;
ROW: for my $r (0 .. 3) {
    for my $c (0 .. 3) {
        if ($r * $c == 6) { push @found, "$r,$c"; last ROW }
    }
}
print "found: @found\n";
my $n = 0;
while ($n < 10) {
    $n++;
    next if $n % 2;
    last if $n > 6;
    print "even $n\n";
} continue {
    print "continue $n\n" if $n > 4;
}
my $k = 0;
for my $x (1 .. 3) {
    print "x=$x ";
} continue {
    $k++;
}
print "continue count $k\n";
my $i = 0;
while ($i < 5) {
    next if $i == 2;
    print "w$i ";
} continue {
    $i++;
}
print "\n";
# redo with a counter
my $attempts = 0;
for my $item (qw(a b)) {
    $attempts++;
    if ($item eq 'a' && $attempts < 3) { redo }
    print "item $item after $attempts attempts\n";
}
# last in nested while with label
my $outer = 0;
LOOP: while (1) {
    $outer++;
    my $inner = 0;
    while (1) {
        $inner++;
        last LOOP if $outer == 3 && $inner == 2;
        last if $inner >= 2;
    }
}
print "outer stopped at $outer\n";
# labels on bare blocks
BLOCK: {
    print "in block\n";
    last BLOCK if 1;
    print "not here\n";
}
# next in do-while is not allowed, use a bare block inside
my $cnt = 0;
do {{
    $cnt++;
    next if $cnt == 2;
    print "do-block $cnt\n";
}} while ($cnt < 3);
# loop with last returning value through variable
my $first_big;
for (3, 8, 12, 20) { if ($_ > 10) { $first_big = $_; last } }
print "first big: $first_big\n";
# nested foreach modifying outer label counter with next LABEL in continue
my @pairs;
A: for my $a (1 .. 3) {
    B: for my $b (1 .. 3) {
        next A if $b == $a;
        push @pairs, "$a$b";
    }
}
print "pairs: @pairs\n";
# last inside eval inside loop (exits loop, with a warning suppressed)
my $m = 0;
for (1 .. 5) {
    $m = $_;
    last if $_ == 2;
}
print "m=$m\n";
# loop over sorted keys with last
my %h = map { $_ => length } qw(apple fig banana kiwi);
for my $key (sort { $h{$a} <=> $h{$b} or $a cmp $b } keys %h) {
    print "key $key\n";
    last if $h{$key} >= 5;
}
