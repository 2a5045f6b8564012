#!/usr/bin/perl
use strict;
use warnings;

# A Money class with full operator overloading, used for an invoice.
package Money;
use overload
    '+'   => \&add,
    '-'   => \&subtract,
    '*'   => \&multiply,
    '/'   => \&divide,
    '<=>' => sub { my ($x, $y, $sw) = @_; my $r = $x->cents <=> Money->from($y)->cents; $sw ? -$r : $r },
    'cmp' => sub { my ($x, $y, $sw) = @_; my $r = "$x" cmp "$y"; $sw ? -$r : $r },
    'bool' => sub { $_[0]->cents != 0 },
    '""'  => \&as_string,
    'neg' => sub { Money->new_cents(-$_[0]->cents) },
    'abs' => sub { Money->new_cents(abs $_[0]->cents) };

sub new { my ($class, $amount) = @_; return bless { c => int($amount * 100 + ($amount < 0 ? -0.5 : 0.5)) }, $class }
sub new_cents { my ($class, $c) = @_; bless { c => $c }, $class }
sub from { my ($class, $v) = @_; ref $v ? $v : $class->new($v) }
sub cents { $_[0]{c} }
sub add { my ($x, $y) = @_; Money->new_cents($x->cents + Money->from($y)->cents) }
sub subtract { my ($x, $y, $swap) = @_; my $d = $x->cents - Money->from($y)->cents; Money->new_cents($swap ? -$d : $d) }
sub multiply {
    my ($x, $y) = @_;
    die "cannot multiply money by money\n" if ref $y;
    my $c = $x->cents * $y;
    Money->new_cents(int($c + ($c < 0 ? -0.5 : 0.5)));
}
sub divide {
    my ($x, $y, $swap) = @_;
    die "cannot divide by money\n" if $swap;
    return $x->cents / $y->cents if ref $y;
    Money->new_cents(int($x->cents / $y + 0.5));
}
sub as_string {
    my $c = $_[0]->cents;
    my $sign = $c < 0 ? '-' : '';
    $c = abs $c;
    my $whole = int($c / 100);
    1 while $whole =~ s/^(\d+)(\d{3})/$1,$2/;
    return sprintf '%s$%s.%02d', $sign, $whole, $c % 100;
}
sub allocate {
    my ($self, @ratios) = @_;
    my $total = 0;
    $total += $_ for @ratios;
    my $left = $self->cents;
    my @parts = map { my $p = int($self->cents * $_ / $total); $left -= $p; $p } @ratios;
    $parts[$_ % @parts]++ for 0 .. $left - 1;
    return map { Money->new_cents($_) } @parts;
}

package main;

my @lines = (
    ['Widget', 3, '19.99'],
    ['Gadget (large)', 1, '1249.5'],
    ['Cable', 12, '0.35'],
    ['Service hours', 7.5, '80'],
    ['Discount voucher', 1, '-25'],
);
my $subtotal = Money->new(0);
printf "%-18s %6s %12s %12s\n", 'Item', 'Qty', 'Price', 'Amount';
print '=' x 51, "\n";
for my $l (@lines) {
    my ($name, $qty, $price) = @$l;
    my $p = Money->new($price);
    my $amount = $p * $qty;
    $subtotal += $amount;
    printf "%-18s %6s %12s %12s\n", $name, $qty, $p, $amount;
}
print '-' x 51, "\n";
my $tax = $subtotal * 0.0825;
my $total = $subtotal + $tax;
printf "%-38s %12s\n", 'Subtotal', $subtotal;
printf "%-38s %12s\n", 'Tax 8.25%', $tax;
printf "%-38s %12s\n", 'Total', $total;
my @split = $total->allocate(1, 1, 1);
print "split three ways: @split (sum ", $split[0] + $split[1] + $split[2], ")\n";
print "split 70/30: ", join(' + ', $total->allocate(70, 30)), "\n";
my @prices = map { Money->new($_) } qw(5 0.99 100 -3 12.5 0.99);
print "sorted: @{[ sort { $a <=> $b } @prices ]}\n";
print "max: ", (sort { $b <=> $a } @prices)[0], " min: ", (sort { $a <=> $b } @prices)[0], "\n";
print "negated: ", -$prices[0], " abs: ", abs($prices[3]), "\n";
print "10 - price: ", 10 - $prices[0], " price - 10: ", $prices[0] - 10, "\n";
print "ratio: ", sprintf('%.4f', $prices[2] / $prices[4]), "\n";
print "zero is ", (Money->new(0) ? 'true' : 'false'), ", 0.01 is ", (Money->new(0.01) ? 'true' : 'false'), "\n";
print "compare with plain number: ", ($prices[2] > 99.99 ? 'more' : 'less'), " ", ($prices[1] == 0.99 ? 'equal' : 'different'), "\n";
eval { my $x = $prices[0] * $prices[1] }; print "error: $@";
eval { my $x = 3 / $prices[0] }; print "error: $@";
my $big = Money->new(1234567.891);
print "big: $big, negative: ", Money->new(-9876543.21), "\n";
