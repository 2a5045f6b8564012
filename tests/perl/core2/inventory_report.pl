#!/usr/bin/perl
# A small realistic program: parse records, aggregate, format a report.
use strict;
use warnings;

my @raw = split /\n/, <<'DATA';
# id, name, category, qty, price
1, Widget, tools, 10, 2.50
2, Gadget, toys, 3, 10.00
3, Sprocket, tools, 0, 1.25
4, Doohickey, misc, 7, 0.99
5, Gizmo, toys, 12, 4.75

6, Thingamajig, misc, 1, 100
DATA

my (@items, %by_cat);
for my $line (@raw) {
    next if $line =~ /^\s*(#|$)/;
    my ($id, $name, $cat, $qty, $price) = split /\s*,\s*/, $line;
    my $item = { id => $id, name => $name, cat => $cat, qty => $qty, price => $price };
    push @items, $item;
    push @{ $by_cat{$cat} }, $item;
}
printf "%d items in %d categories\n", scalar @items, scalar keys %by_cat;

my $sep = '-' x 44;
print "$sep\n";
printf "%-4s %-12s %-6s %5s %8s %8s\n", qw(ID Name Cat Qty Price Value);
print "$sep\n";
my $grand = 0;
for my $it (sort { $a->{cat} cmp $b->{cat} or $b->{qty} * $b->{price} <=> $a->{qty} * $a->{price} } @items) {
    my $value = $it->{qty} * $it->{price};
    $grand += $value;
    printf "%-4d %-12s %-6s %5d %8.2f %8.2f%s\n", @$it{qw(id name cat qty price)}, $value, $it->{qty} ? '' : ' *';
}
print "$sep\n";
printf "%-38s %8.2f\n", "Total", $grand;

print "\nPer category:\n";
for my $cat (sort keys %by_cat) {
    my @list = @{ $by_cat{$cat} };
    my $qty = 0; $qty += $_->{qty} for @list;
    my ($max) = sort { $b->{price} <=> $a->{price} } @list;
    my $avg = @list ? (eval { my $s = 0; $s += $_->{price} for @list; $s } / @list) : 0;
    printf "  %-6s n=%d qty=%-3d avg=%6.3f max=%s\n", $cat, scalar @list, $qty, $avg, $max->{name};
}

my @out_of_stock = map { $_->{name} } grep { !$_->{qty} } @items;
print "\nOut of stock: ", (@out_of_stock ? join(", ", @out_of_stock) : "none"), "\n";

my %restock = map { $_->{name} => 20 - $_->{qty} } grep { $_->{qty} < 5 } @items;
print "Restock: ", join("; ", map { "$_ +$restock{$_}" } sort { $restock{$b} <=> $restock{$a} || $a cmp $b } keys %restock), "\n";

my ($cheap, $dear) = (sort { $a->{price} <=> $b->{price} } @items)[0, -1];
print "Cheapest: $cheap->{name} ($cheap->{price}), dearest: $dear->{name} ($dear->{price})\n";

my $names = join ", ", map { ucfirst lc } sort map { $_->{name} } @items;
print "Names: $names\n";
(my $initials = join "", map { substr($_->{name}, 0, 1) } @items) =~ tr/a-z/A-Z/;
print "Initials: $initials (", length $initials, ")\n";

my %price_band;
for (@items) {
    my $band = $_->{price} < 1 ? 'low' : $_->{price} < 10 ? 'mid' : 'high';
    $price_band{$band}++;
}
print join(" ", map { "$_=" . ($price_band{$_} // 0) } qw(low mid high)), "\n";
printf "%.1f%% of stock value is toys\n", 100 * (eval { my $t = 0; $t += $_->{qty} * $_->{price} for @{ $by_cat{toys} }; $t }) / $grand;
print "Done.\n";
