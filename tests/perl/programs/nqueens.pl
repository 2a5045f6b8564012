# N-queens: count solutions for N = 1..8 and print the first board for N = 8.
use strict;
use warnings;

sub solve {
    my ($n, $row, $cols, $d1, $d2, $placed, $found, $first) = @_;
    if ($row == $n) {
        $$found++;
        @$first = @$placed unless @$first;
        return;
    }
    for my $c (0 .. $n - 1) {
        next if $cols->{$c} || $d1->{ $row + $c } || $d2->{ $row - $c };
        $cols->{$c} = $d1->{ $row + $c } = $d2->{ $row - $c } = 1;
        push @$placed, $c;
        solve($n, $row + 1, $cols, $d1, $d2, $placed, $found, $first);
        pop @$placed;
        delete $cols->{$c};
        delete $d1->{ $row + $c };
        delete $d2->{ $row - $c };
    }
}

my $first8;
for my $n (1 .. 8) {
    my $count = 0;
    my @first;
    solve($n, 0, {}, {}, {}, [], \$count, \@first);
    printf "N=%d: %3d solutions%s\n", $n, $count, @first ? " first: @first" : "";
    $first8 = [@first] if $n == 8;
}
for my $r (0 .. 7) {
    print join(" ", map { $_ == $first8->[$r] ? "Q" : "." } 0 .. 7), "\n";
}
# bitmask version for N = 9 to cross-check
sub bits {
    my ($n, $cols, $ld, $rd) = @_;
    my $all = (1 << $n) - 1;
    return 1 if $cols == $all;
    my $count = 0;
    my $avail = $all & ~($cols | $ld | $rd);
    while ($avail) {
        my $bit = $avail & -$avail;
        $avail &= $avail - 1;
        $count += bits($n, $cols | $bit, (($ld | $bit) << 1) & $all, ($rd | $bit) >> 1);
    }
    return $count;
}
print "bitmask N=9: ", bits(9, 0, 0, 0), "\n";
