use v5.36;

# Date arithmetic without modules: leap years, day of week, calendars,
# day counts, ISO-ish week numbers.
sub is_leap ($y) { ($y % 4 == 0 && $y % 100 != 0) || $y % 400 == 0 }
sub days_in ($y, $m) {
    state @d = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31);
    return $m == 2 && is_leap($y) ? 29 : $d[$m - 1];
}
# Zeller-style: 0 = Sunday
sub dow ($y, $m, $d) {
    my @t = (0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4);
    $y-- if $m < 3;
    return ($y + int($y / 4) - int($y / 100) + int($y / 400) + $t[$m - 1] + $d) % 7;
}
sub day_number ($y, $m, $d) {
    my $n = $d;
    $n += days_in($y, $_) for 1 .. $m - 1;
    return $n;
}
sub to_days ($y, $m, $d) {
    my $yy = $y - 1;
    return $yy * 365 + int($yy / 4) - int($yy / 100) + int($yy / 400) + day_number($y, $m, $d);
}
sub from_days ($n) {
    my $y = int($n / 365.2425) + 1;
    $y-- while to_days($y, 1, 1) > $n;
    $y++ while to_days($y + 1, 1, 1) <= $n;
    my $m = 1;
    $m++ while $m < 12 && to_days($y, $m + 1, 1) <= $n;
    return ($y, $m, $n - to_days($y, $m, 1) + 1);
}
my @names = qw(Sunday Monday Tuesday Wednesday Thursday Friday Saturday);
my @months = qw(January February March April May June July August September October November December);

sub calendar ($y, $m) {
    my $title = "$months[$m-1] $y";
    my $out = (' ' x int((20 - length $title) / 2)) . "$title\n";
    $out .= join(' ', map { substr $_, 0, 2 } @names) . "\n";
    my $first = dow($y, $m, 1);
    my @cells = (('  ') x $first, map { sprintf '%2d', $_ } 1 .. days_in($y, $m));
    while (my @week = splice @cells, 0, 7) {
        $out .= join(' ', @week) . "\n";
    }
    return $out;
}

for my $y (1900, 2000, 2023, 2024, 2100) {
    say sprintf "%d leap=%s feb=%d", $y, is_leap($y) ? 'yes' : 'no', days_in($y, 2);
}
for my $date ([1969, 7, 20], [2000, 1, 1], [2024, 2, 29], [1999, 12, 31], [2038, 1, 19]) {
    say sprintf "%04d-%02d-%02d is a %-9s (day %3d of year)", @$date, $names[dow(@$date)], day_number(@$date);
}
print calendar(2024, 2);
print calendar(2023, 10);
my $a = to_days(2024, 1, 1);
my $b = to_days(2024, 12, 25);
say "days from new year to christmas 2024: ", $b - $a;
for my $offset (0, 59, 60, 365, 1000, -1) {
    my @d = from_days($a + $offset);
    say sprintf "2024-01-01 %+5d days = %04d-%02d-%02d %s", $offset, @d, $names[dow(@d)];
}
my %fri13;
for my $y (2020 .. 2026) {
    for my $m (1 .. 12) {
        push @{ $fri13{$y} }, substr($months[$m - 1], 0, 3) if dow($y, $m, 13) == 5;
    }
}
say "$_: ", join(',', @{ $fri13{$_} }) for sort keys %fri13;
my @ages = map { my ($y, $m, $d) = @$_; my $days = to_days(2024, 6, 15) - to_days($y, $m, $d); [$_, $days, int($days / 365.2425)] } ([1990, 6, 15], [2000, 2, 29], [2024, 6, 14]);
say sprintf "born %04d-%02d-%02d: %6d days, about %2d years", @{ $_->[0] }, $_->[1], $_->[2] for @ages;
