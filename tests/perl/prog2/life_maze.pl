use strict;
use warnings;

# Conway's life on a torus and a BFS maze solver on a character grid.
my @grid = map { [split //] } (
    '..........',
    '...#......',
    '....#.....',
    '..###.....',
    '..........',
    '......##..',
    '......##..',
    '..........',
);
my ($H, $W) = (scalar @grid, scalar @{ $grid[0] });
sub step {
    my @g = @_;
    my @n;
    for my $r (0 .. $H - 1) {
        for my $c (0 .. $W - 1) {
            my $live = 0;
            for my $dr (-1, 0, 1) {
                for my $dc (-1, 0, 1) {
                    next unless $dr || $dc;
                    $live++ if $g[($r + $dr) % $H][($c + $dc) % $W] eq '#';
                }
            }
            my $alive = $g[$r][$c] eq '#';
            $n[$r][$c] = ($live == 3 || ($alive && $live == 2)) ? '#' : '.';
        }
    }
    return @n;
}
sub show { join '', map { join('', @$_) . "\n" } @_ }
sub population { my $p = 0; for (@_) { $p += grep { $_ eq '#' } @$_ } $p }
my @g = @grid;
for my $gen (0 .. 4) {
    print "gen $gen (pop ", population(@g), "):\n", show(@g) if $gen % 2 == 0;
    @g = step(@g);
}
my %seen;
@g = @grid;
my $gen = 0;
until ($seen{ show(@g) }) { $seen{ show(@g) } = $gen++; @g = step(@g) }
print "cycle: state after $gen generations repeats generation $seen{show(@g)}\n";

my @maze = (
    '#########',
    '#S..#...#',
    '#.#.#.#.#',
    '#.#...#.#',
    '#.#####.#',
    '#...#..E#',
    '###.#.###',
    '#.......#',
    '#########',
);
my @m = map { [split //] } @maze;
my ($start, $end);
for my $r (0 .. $#m) {
    for my $c (0 .. $#{ $m[$r] }) {
        $start = [$r, $c] if $m[$r][$c] eq 'S';
        $end = [$r, $c] if $m[$r][$c] eq 'E';
    }
}
my %prev = ("@$start" => undef);
my @q = ($start);
my @dirs = ([0, 1], [1, 0], [0, -1], [-1, 0]);
while (my $p = shift @q) {
    last if "@$p" eq "@$end";
    for my $d (@dirs) {
        my ($r, $c) = ($p->[0] + $d->[0], $p->[1] + $d->[1]);
        next if $m[$r][$c] eq '#' || exists $prev{"$r $c"};
        $prev{"$r $c"} = "@$p";
        push @q, [$r, $c];
    }
}
my @path;
for (my $k = "@$end"; defined $k; $k = $prev{$k}) { unshift @path, $k }
print "path length: ", $#path, " steps\n";
for my $k (@path[1 .. $#path - 1]) {
    my ($r, $c) = split ' ', $k;
    $m[$r][$c] = '*';
}
print join('', @$_), "\n" for @m;
printf "visited %d cells; corners: %s\n", scalar keys %prev, join ' ', grep { my ($r, $c) = split; $r == 1 || $c == 1 } sort { ($a =~ s/ /./r) <=> ($b =~ s/ /./r) } keys %prev;
