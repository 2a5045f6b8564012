# Closures: counters, closures in loops, shared variables, generators.
use strict;
use warnings;

sub make_counter {
    my $n = shift // 0;
    return { inc => sub { ++$n }, dec => sub { --$n }, get => sub { $n } };
}
my $c1 = make_counter(5);
my $c2 = make_counter();
$c1->{inc}->() for 1 .. 3;
$c2->{dec}->();
print "counters: ", $c1->{get}->(), " ", $c2->{get}->(), "\n";

my @subs;
for my $i (1 .. 3) { push @subs, sub { $i * 10 } }
print "foreach closures: ", join(",", map { $_->() } @subs), "\n";
my @csubs;
for (my $j = 0; $j < 3; $j++) { push @csubs, sub { $j } }
print "c-style loop closures share \$j: ", join(",", map { $_->() } @csubs), "\n";
my @wsubs;
my $k = 0;
while ($k < 3) { my $copy = $k; push @wsubs, sub { $copy }; $k++ }
print "while with my copy: ", join(",", map { $_->() } @wsubs), "\n";

sub adder { my $x = shift; sub { $x + shift } }
my $add5 = adder(5);
my $add10 = adder(10);
print "adders: ", $add5->(1), " ", $add10->(1), "\n";

# compose and curry
sub compose { my @f = reverse @_; return sub { my @a = @_; @a = $_->(@a) for @f; wantarray ? @a : $a[0] } }
my $inc = sub { $_[0] + 1 };
my $dbl = sub { $_[0] * 2 };
print "compose: ", compose($dbl, $inc)->(5), " ", compose($inc, $dbl)->(5), "\n";

# generator / iterator
sub iter { my @items = @_; my $i = 0; sub { $i < @items ? $items[$i++] : undef } }
my $it = iter(qw(a b c));
my @got;
while (defined(my $x = $it->())) { push @got, $x }
print "iterated: @got\n";

# fibonacci generator
sub fib_gen { my ($a, $b) = (0, 1); sub { my $r = $a; ($a, $b) = ($b, $a + $b); $r } }
my $fg = fib_gen();
print "fib gen: ", join(" ", map { $fg->() } 1 .. 12), "\n";

# shared variable between two closures
my ($get, $set);
{
    my $shared = "init";
    $get = sub { $shared };
    $set = sub { $shared = shift };
}
$set->("updated");
print "shared: ", $get->(), "\n";

# closures capturing loop variable by alias in nested subs
my %handlers;
for my $name (qw(alpha beta)) {
    $handlers{$name} = sub { "handler for $name: " . join(",", @_) };
}
print $handlers{$_}->(1, 2), "\n" for sort keys %handlers;

# memoize via closure
sub memoize {
    my $f = shift;
    my %cache;
    my $calls = 0;
    return (sub { my $k = join $;, @_; $cache{$k} //= do { $calls++; $f->(@_) } }, sub { $calls });
}
my $slow_sq = sub { $_[0] ** 2 };
my ($fast, $ncalls) = memoize($slow_sq);
$fast->($_) for 1, 2, 3, 1, 2, 3, 4;
print "memo calls: ", $ncalls->(), "\n";

# recursive closure with __SUB__
use feature 'current_sub';
my $fact = sub { my $n = shift; $n <= 1 ? 1 : $n * __SUB__->($n - 1) };
print "__SUB__ fact: ", $fact->(12), "\n";

# string eval closure
my $base = 100;
my $code = eval 'sub { $base + $_[0] }';
print "eval closure: ", $code->(1), "\n";

# closures keep separate state per call of the enclosing sub
sub make_acc { my $sum = 0; sub { $sum += $_ for @_; $sum } }
my @accs = map { make_acc() } 1 .. 3;
$accs[$_]->($_ + 1, 10) for 0 .. 2;
print "accumulators: ", join(",", map { $_->() } @accs), "\n";
