use strict; use warnings;
OUTER: for my $i (1..3) {
    INNER: for my $j (1..3) {
        next OUTER if $j == 2 && $i == 1;
        last INNER if $j == 3;
        print "$i$j ";
    }
}
print "\n";
my $n = 0;
for my $x (1..5) { $n++; redo if $n == 2; print "x$x"; } print " n=$n\n";
my $i = 0;
while ($i < 5) { next if $i % 2 } continue { $i++ } print "i=$i\n";
$i = 0; my @seen;
while (1) { $i++; next if $i == 2; push @seen, $i; last if $i >= 4 } print "@seen\n";
$i = 0; until ($i >= 3) { $i++ } print "until $i\n";
$i = 0; do { $i++ } while ($i < 5); print "do-while $i\n";
$i = 10; do { $i++ } until $i > 5; print "do-until $i\n";
$i = 0; $i++ while $i < 7; print "mod-while $i\n";
$i = 0; $i += 2 until $i >= 9; print "mod-until $i\n";
my @l = (1..3); print "item $_\n" for @l;
print "unless\n" unless 0;
unless (1) { print "no\n" } elsif (1) { print "unless-elsif\n" } else { print "else\n" }
if (0) { } elsif (0) { } else { print "else branch\n" }
my $r = eval { for (1..3) { last } "after last" }; print "$r\n";
BLOCK: { print "in block\n"; last BLOCK; print "never\n"; } print "after block\n";
{ my $c = 0; { $c++; redo if $c < 3; } print "bare redo $c\n"; }
my $cnt = 0; LOOP: { $cnt++; next LOOP if $cnt < 0; } print "next in bare $cnt\n";
for (my $k = 0; $k < 10; $k += 3) { print "k$k " } print "\n";
for (my ($a1, $b1) = (0, 10); $a1 < $b1; $a1 += 4, $b1 -= 1) { print "[$a1,$b1]" } print "\n";
my @arr = (1..5); for my $e (@arr) { $e *= 2 } print "@arr\n";
for (@arr) { s/0/o/ } print "@arr\n";
my $found; for my $v (qw(a b c)) { if ($v eq 'b') { $found = $v; last } } print "found $found\n";
my @stack = (1..5); while (my $top = pop @stack) { last if $top < 3; print "pop $top " } print "\n";
my %h = (a => 1, b => 2, c => 3); for my $k (sort keys %h) { print "$k=$h{$k};" } print "\n";
my $str = "";
for my $a2 (1..3) { for my $b2 (1..3) { next if $a2 == $b2; $str .= "$a2$b2," } } print "$str\n";
my $depth = 0; sub rec { my $d = shift; return $d if $d == 5; rec($d + 1) } print rec(0), "\n";
my @res = map { $_ > 2 ? () : ($_, $_) } 1..4; print "@res\n";
my $total = 0; $total += $_ for grep { $_ % 3 == 0 } 1..20; print "total $total\n";
eval { my @a = (1); do { last } while 0; }; print "err: $@";
my @q = (1..3); foreach (reverse @q) { print } print "\n";
for my $idx (reverse 0..$#q) { print $q[$idx] } print "\n";
my $x = 5; my $res = do { if ($x > 3) { "big" } else { "small" } }; print "$res\n";
my $u = do { unless ($x) { "zero" } else { "nonzero" } }; print "$u\n";
print "last value: ", (sub { for (1..3) { return $_ if $_ == 2 } })->(), "\n";
my @each; my %eh = (one => 1); while (my ($k, $v) = each %eh) { push @each, "$k$v" } print "@each\n";
my $loops = 0; for (;;) { last if ++$loops > 4 } print "loops $loops\n";
my $w = 0; while () { last if ++$w == 3 } print "empty while $w\n";
my $lbl = 0; L1: while (1) { L2: while (1) { $lbl++; last L1 if $lbl > 2; next L1 } } print "labels $lbl\n";
my @m = (1..10); my @evens = grep { !($_ & 1) } @m; print "@evens[0..2]\n";
print "chained: ", join(",", map { $_ < 3 ? "lo" : $_ < 6 ? "mid" : "hi" } 1..7), "\n";
my $v = 0; $v = 1, print "comma stmt\n" if 1; print "v=$v\n";
foreach my $item (1, 2, 3) { last if $item > 1; print "foreach $item\n" }
my $ct = 0; for (1..3) { for (1..3) { $ct++ } } print "nested default var $ct\n";
for my $s ('a'..'c') { print $s; } continue { print "," } print "\n";
