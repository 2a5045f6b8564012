#!/usr/bin/perl
use strict;
use warnings;

# Closures as iterators and generators, plus a dispatch table.
sub counter {
    my ($start, $step) = @_;
    $step //= 1;
    my $n = $start;
    return {
        next  => sub { my $v = $n; $n += $step; $v },
        peek  => sub { $n },
        reset => sub { $n = $start },
    };
}

sub take {
    my ($it, $k) = @_;
    my @out;
    while ($k-- > 0) {
        my $v = $it->();
        last unless defined $v;
        push @out, $v;
    }
    return @out;
}

sub imap { my ($f, $it) = @_; sub { my $v = $it->(); defined $v ? $f->($v) : undef } }
sub igrep {
    my ($p, $it) = @_;
    return sub {
        while (defined(my $v = $it->())) { local $_ = $v; return $v if $p->() }
        return;
    };
}
sub from_list { my @l = @_; my $i = 0; sub { $i < @l ? $l[$i++] : undef } }

sub fib_gen { my ($a, $b) = (0, 1); sub { my $r = $a; ($a, $b) = ($b, $a + $b); $r } }

sub primes {
    my @found;
    my $c = 1;
    return sub {
        CAND: while (1) {
            $c++;
            for my $p (@found) { last if $p * $p > $c; next CAND if $c % $p == 0 }
            push @found, $c;
            return $c;
        }
    };
}

my $c = counter(10, 5);
print "counter: ", join(' ', map { $c->{next}->() } 1 .. 4), " peek=", $c->{peek}->(), "\n";
$c->{reset}->();
print "after reset: ", $c->{next}(), "\n";

my @counters = map { counter($_) } 1 .. 3;
$_->{next}->() for @counters;
$counters[1]{next}->() for 1 .. 3;
print "independent: ", join(',', map { $_->{peek}() } @counters), "\n";

print "fib: ", join(' ', take(fib_gen(), 15)), "\n";
print "primes: ", join(' ', take(primes(), 20)), "\n";
my $sq_odd = imap(sub { $_[0] ** 2 }, igrep(sub { $_ % 2 }, from_list(1 .. 20)));
print "odd squares: ", join(' ', take($sq_odd, 100)), "\n";

my @subs;
for my $i (1 .. 3) { push @subs, sub { "closure $i sees " . ($i * 10) } }
print $_->(), "\n" for @subs;

my %ops = (
    add => sub { $_[0] + $_[1] },
    sub => sub { $_[0] - $_[1] },
    mul => sub { $_[0] * $_[1] },
    div => sub { $_[1] ? $_[0] / $_[1] : 'NaN' },
    pow => sub { $_[0] ** $_[1] },
);
my @program = ([add => 3, 4], [mul => 6, 7], [div => 1, 8], [div => 1, 0], [pow => 2, 10], [mod => 5, 3], [sub => 1, 9]);
for my $ins (@program) {
    my ($op, @args) = @$ins;
    my $f = $ops{$op};
    printf "%-4s %-8s = %s\n", $op, join(',', @args), $f ? $f->(@args) : "unknown op";
}

# memoize via closure
sub memoize {
    my $f = shift;
    my %cache;
    my $calls = 0;
    return (sub { my $k = join $;, @_; $cache{$k} //= do { $calls++; $f->(@_) } }, sub { $calls });
}
my $slow_fib;
my ($fast, $ncalls) = memoize(sub { my $n = shift; $n < 2 ? $n : $slow_fib->($n - 1) + $slow_fib->($n - 2) });
$slow_fib = $fast;
print "fib(60) = ", $fast->(60), " with ", $ncalls->(), " real calls\n";

# accumulator generator and string builder
my $acc = do { my $total = 0; sub { $total += shift } };
$acc->($_) for 1 .. 10;
print "accumulated: ", $acc->(0), "\n";
my $sb = do { my @parts; sub { @_ ? (push(@parts, @_), return scalar @parts) : join '', @parts } };
$sb->('Hello'); $sb->(', ', 'world'); my $count = $sb->('!');
print $sb->(), " ($count parts)\n";
