#!/usr/bin/perl
# Old-style report generator: no strict, package vars, local $, and $\.
$title = "Quarterly Inventory";
@records = ();
while (<DATA>) {
    chomp;
    next unless /\S/;
    ($region, $item, $qty, $price) = split /\s*,\s*/;
    push @records, { region => $region, item => $item, qty => $qty, price => $price };
}

%by_region = ();
foreach $r (@records) {
    $by_region{$r->{region}}{$r->{item}}{qty}   += $r->{qty};
    $by_region{$r->{region}}{$r->{item}}{value} += $r->{qty} * $r->{price};
}

$line = '-' x 44;
print "$title\n", '=' x length($title), "\n\n";
$grand = 0;
foreach $region (sort keys %by_region) {
    print "Region: \u\L$region\E\n";
    printf "  %-12s %6s %12s\n", 'Item', 'Qty', 'Value';
    print "  $line\n";
    $subtotal = 0;
    $items = $by_region{$region};
    foreach $item (sort { $items->{$b}{value} <=> $items->{$a}{value} || $a cmp $b } keys %$items) {
        printf "  %-12s %6d %12.2f\n", $item, $items->{$item}{qty}, $items->{$item}{value};
        $subtotal += $items->{$item}{value};
    }
    printf "  %-12s %6s %12.2f\n\n", 'Subtotal', '', $subtotal;
    $grand += $subtotal;
}
printf "%-14s %6s %12.2f\n", 'GRAND TOTAL', '', $grand;

# Same data as CSV using local $, and $\
{
    local $, = ';';
    local $\ = "\n";
    print 'region', 'item', 'qty';
    foreach $r (sort { $a->{region} cmp $b->{region} or $a->{item} cmp $b->{item} or $a->{qty} <=> $b->{qty} } @records) {
        print @$r{qw(region item qty)};
    }
}
print "after local: [", join('|', defined $, ? 'set' : 'unset', defined $\ ? 'set' : 'unset'), "]\n";

# Top items across regions
%total = ();
$total{$_->{item}} += $_->{qty} for @records;
@top = (sort { $total{$b} <=> $total{$a} or $a cmp $b } keys %total)[0 .. 2];
print "Top 3 by qty: @top\n";
$count = @records;
$avg = 0;
$avg += $_->{price} foreach @records;
$avg /= $count;
printf "Average unit price over %d records: %.3f\n", $count, $avg;
print "Expensive: ", join(", ", map { "$_->{item}\@$_->{price}" } grep { $_->{price} > 10 } @records), "\n";
__END__
north, widget, 10, 2.50
north, gadget, 3, 19.99
south, widget, 7, 2.50
south, doohickey, 12, 0.75
east, gadget, 1, 19.99
north, widget, 5, 2.50
east, sprocket, 40, 1.10
south, gadget, 2, 21.00
east, widget, 9, 2.45
