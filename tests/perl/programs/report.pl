# A sales report with printf columns, subtotals and formats.
use strict;
use warnings;

my @sales;
while (<DATA>) {
    chomp;
    next unless /\S/;
    my ($region, $rep, $month, $amount) = split /\s*,\s*/;
    push @sales, { region => $region, rep => $rep, month => $month, amount => $amount };
}
my %months = (Jan => 1, Feb => 2, Mar => 3);
my (%by_region, %by_rep, %by_month, $grand);
for my $s (@sales) {
    $by_region{ $s->{region} } += $s->{amount};
    $by_rep{ $s->{region} }{ $s->{rep} } += $s->{amount};
    $by_month{ $s->{month} } += $s->{amount};
    $grand += $s->{amount};
}
my $line = "-" x 44;
printf "%-10s %-10s %10s %10s\n", "Region", "Rep", "Amount", "Share";
print "$line\n";
for my $region (sort keys %by_region) {
    for my $rep (sort { $by_rep{$region}{$b} <=> $by_rep{$region}{$a} || $a cmp $b } keys %{ $by_rep{$region} }) {
        my $amt = $by_rep{$region}{$rep};
        printf "%-10s %-10s %10s %9.1f%%\n", $region, $rep, commify(sprintf "%.2f", $amt), 100 * $amt / $grand;
    }
    printf "%-21s %10s\n", "  subtotal", commify(sprintf "%.2f", $by_region{$region});
}
print "$line\n";
printf "%-21s %10s\n", "TOTAL", commify(sprintf "%.2f", $grand);
print "\nBy month:\n";
my $max = (sort { $b <=> $a } values %by_month)[0];
for my $m (sort { $months{$a} <=> $months{$b} } keys %by_month) {
    printf "  %-4s %12s |%-30s|\n", $m, commify(sprintf "%.2f", $by_month{$m}), "=" x int(30 * $by_month{$m} / $max + 0.5);
}
my @sorted = sort { $b->{amount} <=> $a->{amount} || $a->{rep} cmp $b->{rep} } @sales;
print "\nTop 3 sales:\n";
printf "  %d. %-6s %-4s %s\n", $_ + 1, $sorted[$_]{rep}, $sorted[$_]{month}, commify($sorted[$_]{amount}) for 0 .. 2;
printf "\nAverage sale: %.3f over %d sales\n", $grand / @sales, scalar @sales;
printf "Median sale: %s\n", median(map { $_->{amount} } @sales);
sub commify { my $n = reverse shift; $n =~ s/(\d{3})(?=\d)(?!\d*\.)/$1,/g; return scalar reverse $n }
sub median { my @s = sort { $a <=> $b } @_; my $m = int(@s / 2); @s % 2 ? $s[$m] : ($s[$m - 1] + $s[$m]) / 2 }
__DATA__
North, Alice, Jan, 12500.50
North, Bob, Jan, 8300
South, Carol, Jan, 15200.75
North, Alice, Feb, 9800.25
South, Dave, Feb, 1200000
South, Carol, Feb, 700.10
East, Erin, Mar, 4300
North, Bob, Mar, 11000.99
East, Erin, Jan, 56.5
South, Dave, Mar, 999.99
