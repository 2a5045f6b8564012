#!/usr/bin/perl
use strict;
use warnings;
use List::Util qw(sum sum0 max min first reduce any all none uniq maxstr minstr shuffle pairs);
use Scalar::Util qw(blessed reftype looks_like_number);

# Grade book: statistics with List::Util, validation with Scalar::Util.
my %scores;
my @order;
while (my $line = <DATA>) {
    chomp $line;
    next if $line =~ /^\s*$/;
    my ($name, @marks) = split /[,\s]+/, $line;
    my @bad = grep { !looks_like_number($_) } @marks;
    if (@bad) {
        print "skipping $name: non-numeric @bad\n";
        next;
    }
    push @order, $name unless exists $scores{$name};
    push @{ $scores{$name} }, @marks;
}

sub mean { @_ ? sum(@_) / @_ : 0 }
sub median {
    my @s = sort { $a <=> $b } @_;
    return @s % 2 ? $s[$#s / 2] : ($s[@s / 2 - 1] + $s[@s / 2]) / 2;
}
sub stddev {
    my $m = mean(@_);
    return sqrt(sum0(map { ($_ - $m)**2 } @_) / @_);
}
sub grade {
    my $avg = shift;
    my @cut = ([90, 'A'], [80, 'B'], [70, 'C'], [60, 'D']);
    my $g = first { $avg >= $_->[0] } @cut;
    return $g ? $g->[1] : 'F';
}

printf "%-8s %5s %5s %5s %6s %6s %5s %s\n", qw(Name N Min Max Mean Median SD Grade);
print '-' x 56, "\n";
my %avg;
for my $name (@order) {
    my @m = @{ $scores{$name} };
    $avg{$name} = mean(@m);
    printf "%-8s %5d %5d %5d %6.2f %6.1f %5.2f %s\n", $name, scalar @m, min(@m), max(@m), $avg{$name}, median(@m), stddev(@m), grade($avg{$name});
}
my @all = map { @$_ } values %scores;
printf "\nall marks: n=%d total=%d mean=%.3f\n", scalar @all, sum(@all), mean(@all);
my $best = reduce { $avg{$a} >= $avg{$b} ? $a : $b } sort keys %avg;
my $worst = reduce { $avg{$a} <= $avg{$b} ? $a : $b } sort keys %avg;
print "best: $best, worst: $worst\n";
print "names: first ", minstr(@order), ", last ", maxstr(@order), "\n";
print "anyone failing? ", ((any { grade($avg{$_}) eq 'F' } @order) ? 'yes' : 'no'), "\n";
print "everyone passed 50? ", ((all { min(@{ $scores{$_} }) >= 50 } @order) ? 'yes' : 'no'), "\n";
print "no perfect scores? ", ((none { $_ == 100 } @all) ? 'yes' : 'no'), "\n";
my @distinct = uniq sort { $a <=> $b } @all;
print "distinct marks: ", scalar(@distinct), " (", join(' ', @distinct[0 .. 4]), " ...)\n";
my $product = reduce { $a * $b } 1 .. 12;
print "12! via reduce: $product\n";
my $longest = reduce { length($a) >= length($b) ? $a : $b } @order;
print "longest name: $longest\n";
srand(7);
my @team = (shuffle @order)[0 .. 2];
print "random team of ", scalar(@team), " chosen\n";
my @p = pairs(map { ($_ => grade($avg{$_})) } @order);
print join(', ', map { $_->[0] . '=' . $_->[1] } @p), "\n";
print "pair class: ", blessed($p[0]), " reftype ", reftype($p[0]), "\n";
my %hist;
$hist{ grade($avg{$_}) }++ for @order;
print map { sprintf "%s: %s\n", $_, '*' x ($hist{$_} // 0) } qw(A B C D F);
__DATA__
alice 92 88 95 79
bob 65, 70, 58, 81
carol 99 97 100 94
dave 45 52 61 38
erin 77 85 x 90
frank 88 90 84 86 91
bob 72
grace 70 71 69 68
