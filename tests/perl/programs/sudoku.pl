# A backtracking Sudoku solver with constraint sets.
use strict;
use warnings;

my $puzzle = join "", map { s/\s//gr } <DATA>;
die "bad puzzle" unless length($puzzle) == 81;
my @g = map { $_ eq '.' ? 0 : $_ } split //, $puzzle;
my (@row, @col, @box);
for my $i (0 .. 80) {
    next unless $g[$i];
    my ($r, $c) = (int($i / 9), $i % 9);
    my $b = int($r / 3) * 3 + int($c / 3);
    $row[$r]{ $g[$i] } = $col[$c]{ $g[$i] } = $box[$b]{ $g[$i] } = 1;
}
my $steps = 0;
sub solve {
    # choose the empty cell with the fewest candidates
    my ($best, @cands);
    for my $i (0 .. 80) {
        next if $g[$i];
        my ($r, $c) = (int($i / 9), $i % 9);
        my $b = int($r / 3) * 3 + int($c / 3);
        my @can = grep { !$row[$r]{$_} && !$col[$c]{$_} && !$box[$b]{$_} } 1 .. 9;
        return 0 unless @can;
        if (!defined $best || @can < @cands) { ($best, @cands) = ($i, @can); last if @can == 1 }
    }
    return 1 unless defined $best;
    my ($r, $c) = (int($best / 9), $best % 9);
    my $b = int($r / 3) * 3 + int($c / 3);
    for my $v (@cands) {
        $steps++;
        $g[$best] = $v;
        $row[$r]{$v} = $col[$c]{$v} = $box[$b]{$v} = 1;
        return 1 if solve();
        delete $row[$r]{$v};
        delete $col[$c]{$v};
        delete $box[$b]{$v};
        $g[$best] = 0;
    }
    return 0;
}
my $ok = solve();
print $ok ? "solved in $steps placements\n" : "no solution\n";
for my $r (0 .. 8) {
    print "------+-------+------\n" if $r && $r % 3 == 0;
    print join(" ", map { ($_ && $_ % 3 == 0 ? "| " : "") . $g[$r * 9 + $_] } 0 .. 8), "\n";
}
my $valid = 1;
for my $k (0 .. 8) {
    my (%r, %c, %b);
    for my $j (0 .. 8) {
        $r{ $g[$k * 9 + $j] }++;
        $c{ $g[$j * 9 + $k] }++;
        $b{ $g[(int($k / 3) * 3 + int($j / 3)) * 9 + ($k % 3) * 3 + $j % 3] }++;
    }
    $valid &&= keys(%r) == 9 && keys(%c) == 9 && keys(%b) == 9;
}
print "valid: ", ($valid ? "yes" : "no"), "\n";
__DATA__
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
