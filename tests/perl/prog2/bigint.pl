#!/usr/bin/perl
use strict;
use warnings;

# Big-number arithmetic on digit arrays (least significant digit first).
sub from_str { my $s = shift; return [reverse split //, $s] }
sub to_str {
    my $d = shift;
    my @r = reverse @$d;
    shift @r while @r > 1 && $r[0] == 0;
    return join '', @r;
}

sub add {
    my ($x, $y) = @_;
    my @r;
    my $carry = 0;
    my $n = @$x > @$y ? @$x : @$y;
    for my $i (0 .. $n - 1) {
        my $s = ($x->[$i] // 0) + ($y->[$i] // 0) + $carry;
        push @r, $s % 10;
        $carry = int($s / 10);
    }
    push @r, $carry if $carry;
    return \@r;
}

sub mul {
    my ($x, $y) = @_;
    my @r = (0) x (@$x + @$y);
    for my $i (0 .. $#$x) {
        my $carry = 0;
        for my $j (0 .. $#$y) {
            my $t = $r[$i + $j] + $x->[$i] * $y->[$j] + $carry;
            $r[$i + $j] = $t % 10;
            $carry = int($t / 10);
        }
        my $k = $i + @$y;
        while ($carry) {
            my $t = $r[$k] + $carry;
            $r[$k] = $t % 10;
            $carry = int($t / 10);
            $k++;
        }
    }
    pop @r while @r > 1 && $r[-1] == 0;
    return \@r;
}

sub mul_small {
    my ($x, $m) = @_;
    my @r;
    my $carry = 0;
    for my $d (@$x) {
        my $t = $d * $m + $carry;
        push @r, $t % 10;
        $carry = int($t / 10);
    }
    while ($carry) { push @r, $carry % 10; $carry = int($carry / 10) }
    return \@r;
}

sub cmp_big {
    my ($x, $y) = @_;
    my ($a, $b) = (to_str($x), to_str($y));
    return length($a) <=> length($b) || $a cmp $b;
}

my $f = [1];
for my $n (1 .. 30) {
    $f = mul_small($f, $n);
    printf "%2d! = %s\n", $n, to_str($f) if $n % 5 == 0;
}

my ($fa, $fb) = ([0], [1]);
for (1 .. 100) { ($fa, $fb) = ($fb, add($fa, $fb)) }
print "fib(100) = ", to_str($fa), "\n";

my $p = [1];
$p = mul($p, from_str("2")) for 1 .. 128;
print "2**128 = ", to_str($p), "\n";
my $sum = 0;
$sum += $_ for @$p;
print "digit sum of 2**128 = $sum\n";

my $x = from_str("123456789012345678901234567890");
my $y = from_str("987654321098765432109876543210");
print "product = ", to_str(mul($x, $y)), "\n";
print "sum     = ", to_str(add($x, $y)), "\n";
my @nums = map { from_str($_) } qw(99999 100000 12 0012 5 1000000000000);
print "sorted: ", join(' ', map { to_str($_) } sort { cmp_big($a, $b) } @nums), "\n";
