# Subroutines: @_ aliasing, return in contexts, &name calls, recursion.
use strict;
use warnings;

sub inc_all { $_++ for @_; return scalar @_ }
my ($a1, $b1) = (1, 10);
my @arr = (5, 6);
inc_all($a1, $b1, @arr);
print "aliased: $a1 $b1 @arr\n";
sub set_first { $_[0] = "changed" }
my %h = (k => "orig");
set_first($h{k});
print "hash elem aliased: $h{k}\n";
sub copy_args { my ($x) = @_; $x = "nope"; return $x }
my $keep = "kept";
copy_args($keep);
print "copy not aliased: $keep\n";
sub count_args { scalar @_ }
print "flattening: ", count_args(1, (2, 3), [4, 5], @arr, %h), "\n";
sub shift_args { my $first = shift; my $second = shift // "none"; "$first/$second/" . scalar(@_) }
print "shift: ", shift_args("a"), " ", shift_args("a", "b", "c"), "\n";

# return in various contexts
sub ret_list { return (1, 2, 3) }
sub ret_array { my @x = (1, 2, 3); return @x }
sub ret_hash { my %x = (a => 1); return %x }
sub ret_empty { return }
sub ret_implicit { my $x = shift; if ($x) { "yes" } else { "no" } }
sub ret_last_expr { 42 }
my $sl = ret_list();
my $sa = ret_array();
my @e = ret_empty();
my $se = ret_empty();
print "scalar ret_list: $sl, ret_array: $sa, empty list: ", scalar(@e), " empty scalar: ", defined $se ? "def" : "undef", "\n";
print "implicit: ", ret_implicit(1), " ", ret_implicit(0), " ", ret_last_expr(), "\n";
my %rh = ret_hash();
print "hash return: $rh{a}\n";
sub early { for my $i (1 .. 10) { return $i if $i * $i > 20 } return -1 }
print "early return from loop: ", early(), "\n";
sub unless_ret { my $x = shift; return "neg" unless $x >= 0; "nonneg" }
print "unless return: ", unless_ret(-1), " ", unless_ret(1), "\n";

# & calls
sub show_args { "args=[" . join(",", @_) . "]" }
sub caller_with_amp { &show_args }
sub caller_with_amp_parens { &show_args() }
print "&name shares \@_: ", caller_with_amp(1, 2), " ", caller_with_amp_parens(1, 2), "\n";
my $name = "show_args";
{
    no strict 'refs';
    print "symbolic call: ", &$name(9), " ", &{"main::$name"}(8), " ", "main"->can($name)->(7), "\n";
}
# recursion
sub fib { my $n = shift; $n < 2 ? $n : fib($n - 1) + fib($n - 2) }
print "fib(20) = ", fib(20), "\n";
sub ackermann {
    my ($m, $n) = @_;
    return $n + 1 if $m == 0;
    return ackermann($m - 1, 1) if $n == 0;
    return ackermann($m - 1, ackermann($m, $n - 1));
}
print "ackermann(2,3) = ", ackermann(2, 3), "\n";
# mutual recursion with forward declaration
sub is_even;
sub is_odd { my $n = shift; $n == 0 ? 0 : is_even($n - 1) }
sub is_even { my $n = shift; $n == 0 ? 1 : is_odd($n - 1) }
print "is_even(10)=", is_even(10), " is_odd(7)=", is_odd(7), "\n";
# default args, named args via hash
sub greet { my %o = (name => "world", punct => "!", @_); "hello $o{name}$o{punct}" }
print greet(), " ", greet(name => "perl"), " ", greet(punct => "?", name => "you"), "\n";
# sub returning a sub list
sub pair { return (sub { "first" }, sub { "second" }) }
my ($p1, $p2) = pair();
print "subs returned: ", $p1->(), " ", $p2->(), "\n";
# caller
sub whoami { (caller(0))[3] }
sub outer_caller { (caller(1))[3] }
sub wrap { outer_caller() }
print "caller: ", whoami(), " ", wrap(), "\n";
# nested data in args
sub total { my $t = 0; $t += $_ for map { @$_ } @_; $t }
print "total: ", total([1, 2], [3], [4, 5, 6]), "\n";
# lvalue-ish: modifying @_ array itself (not aliases)
sub push_args { push @_, "extra"; scalar @_ }
my @orig = (1, 2);
print "push onto \@_: ", push_args(@orig), " orig still ", scalar(@orig), "\n";
# string-returning subs used in interpolation
print "interp call: @{[ fib(10) ]}\n";
