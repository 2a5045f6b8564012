# Creating and calling closures.
use strict;
use warnings;

my $N = 3_000_000;

sub make_adder { my $n = shift; return sub { $_[0] + $n } }
sub make_counter { my $c = 0; return (sub { $c++ }, sub { $c }) }
my $sum = 0;
my @adders = map { make_adder($_) } 1 .. 100;
for my $i (1 .. $N) {
    $sum += $adders[$i % 100]->($i);
}
my ($inc, $get) = make_counter();
$inc->() for 1 .. $N;
my $made = 0;
for my $i (1 .. $N / 10) {
    my $f = make_adder($i);
    my $g = sub { $f->($_[0]) * 2 };
    $made += $g->(1);
}
my $compose = sub { my @f = @_; sub { my $x = shift; $x = $_->($x) for @f; $x } };
my $pipeline = $compose->(map { make_adder($_) } 1 .. 10);
my $p = 0;
$p += $pipeline->($_) for 1 .. $N / 10;
print "sum $sum count ", $get->(), " made $made pipeline $p\n";
