#!/usr/bin/perl
use strict;
use warnings;

# Dynamic programming with 2-D arrays: LCS, edit distance, knapsack, paths.
sub lcs {
    my ($x, $y) = @_;
    my @a = split //, $x;
    my @b = split //, $y;
    my @L;
    for my $i (0 .. @a) {
        for my $j (0 .. @b) {
            if ($i == 0 || $j == 0) { $L[$i][$j] = 0 }
            elsif ($a[$i - 1] eq $b[$j - 1]) { $L[$i][$j] = $L[$i - 1][$j - 1] + 1 }
            else { $L[$i][$j] = $L[$i - 1][$j] > $L[$i][$j - 1] ? $L[$i - 1][$j] : $L[$i][$j - 1] }
        }
    }
    my ($i, $j) = (scalar @a, scalar @b);
    my $s = '';
    while ($i && $j) {
        if ($a[$i - 1] eq $b[$j - 1]) { $s = $a[$i - 1] . $s; $i--; $j-- }
        elsif ($L[$i - 1][$j] >= $L[$i][$j - 1]) { $i-- }
        else { $j-- }
    }
    return ($L[@a][@b], $s);
}

sub edit_distance {
    my ($s, $t) = @_;
    my @d = map { [ (0) x (length($t) + 1) ] } 0 .. length $s;
    $d[$_][0] = $_ for 0 .. length $s;
    $d[0][$_] = $_ for 0 .. length $t;
    for my $i (1 .. length $s) {
        for my $j (1 .. length $t) {
            my $cost = substr($s, $i - 1, 1) eq substr($t, $j - 1, 1) ? 0 : 1;
            my @c = ($d[$i - 1][$j] + 1, $d[$i][$j - 1] + 1, $d[$i - 1][$j - 1] + $cost);
            my $m = $c[0];
            for (@c[1, 2]) { $m = $_ if $_ < $m }
            $d[$i][$j] = $m;
        }
    }
    return $d[-1][-1];
}

sub knapsack {
    my ($cap, @items) = @_;
    my @best = (0) x ($cap + 1);
    my @choice = map { [] } 0 .. $cap;
    for my $it (@items) {
        my ($name, $w, $v) = @$it;
        for (my $c = $cap; $c >= $w; $c--) {
            if ($best[$c - $w] + $v > $best[$c]) {
                $best[$c] = $best[$c - $w] + $v;
                $choice[$c] = [ @{ $choice[$c - $w] }, $name ];
            }
        }
    }
    return ($best[$cap], @{ $choice[$cap] });
}

sub grid_paths {
    my @grid = @_;
    my ($R, $C) = (scalar @grid, length $grid[0]);
    my @p;
    for my $r (0 .. $R - 1) {
        for my $c (0 .. $C - 1) {
            if (substr($grid[$r], $c, 1) eq '#') { $p[$r][$c] = 0; next }
            if ($r == 0 && $c == 0) { $p[$r][$c] = 1; next }
            $p[$r][$c] = ($r ? $p[$r - 1][$c] : 0) + ($c ? $p[$r][$c - 1] : 0);
        }
    }
    return $p[-1][-1], \@p;
}

for my $pair (['AGGTAB', 'GXTXAYB'], ['ABCBDAB', 'BDCABA'], ['perl', 'rust'], ['', 'abc']) {
    my ($n, $s) = lcs(@$pair);
    printf "lcs(%s, %s) = %d '%s'\n", @$pair, $n, $s;
}
for my $pair ([qw(kitten sitting)], [qw(flaw lawn)], [qw(intention execution)], ['abc', 'abc'], ['', 'hello']) {
    printf "edit(%s -> %s) = %d\n", @$pair, edit_distance(@$pair);
}
my ($v, @chosen) = knapsack(10, [map1 => 5, 10], [compass => 4, 40], [water => 6, 30], [sandwich => 3, 50], [glucose => 2, 15]);
print "knapsack value $v with: @chosen\n";
my ($np, $tab) = grid_paths('....', '.#..', '...#', '#...');
print "grid paths: $np\n";
print join(' ', map { sprintf '%2d', $_ } @$_), "\n" for @$tab;

# Pascal's triangle as a jagged 2-D array
my @pascal = ([1]);
push @pascal, [1, (map { $pascal[-1][$_] + $pascal[-1][$_ + 1] } 0 .. $#{ $pascal[-1] } - 1), 1] for 1 .. 9;
my $w = length join ' ', @{ $pascal[-1] };
for my $row (@pascal) {
    my $s = join ' ', @$row;
    print ' ' x int(($w - length $s) / 2), $s, "\n";
}
# matrix multiply and transpose
my @A = ([1, 2, 3], [4, 5, 6]);
my @B = ([7, 8], [9, 10], [11, 12]);
my @C;
for my $i (0 .. $#A) { for my $j (0 .. $#{ $B[0] }) { $C[$i][$j] += $A[$i][$_] * $B[$_][$j] for 0 .. $#B } }
print "A*B:\n", map { "  [@$_]\n" } @C;
my @T = map { my $c = $_; [ map { $_->[$c] } @A ] } 0 .. $#{ $A[0] };
print "A^T:\n", map { "  [" . join(', ', @$_) . "]\n" } @T;
print "rows in T: ", scalar(@T), ", last index of row 0: $#{$T[0]}\n";
