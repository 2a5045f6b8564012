use strict; use warnings;
sub inc_all { $_++ for @_ } my ($p, $q) = (1, 2); inc_all($p, $q); print "$p $q\n";
sub set_first { $_[0] = "set" } my @arr = (1,2); set_first(@arr); print "@arr\n";
my %h = (k => 1); set_first($h{k}); print "$h{k}\n";
set_first($h{new}); print exists $h{new} ? "viv $h{new}\n" : "no viv\n";
sub count { scalar @_ } print count(), count(()), count((1,2),(3)), count(my @e), "\n";
sub show { join(",", map { defined $_ ? $_ : 'u' } @_) }
sub pass_through { &show } print pass_through(1, 2, 3), "\n";
sub pass_amp { &show() } print "[", pass_amp(1, 2), "]\n";
sub shift_it { my $f = shift; my $s = shift // 'def'; "$f-$s" } print shift_it('a'), " ", shift_it('a', 0), "\n";
sub default_args { my ($x, $y) = @_; $y //= 10; $x + $y } print default_args(1), " ", default_args(1, 2), "\n";
sub ret_list { return (1, 2, 3) } my @rl = ret_list(); my $rs = ret_list(); print "@rl | $rs\n";
sub ret_arr { my @x = (5, 6, 7); return @x } my $ra = ret_arr(); print "$ra\n";
sub ret_empty { return } my @re = ret_empty(); my $rse = ret_empty(); print scalar(@re), defined $rse ? "def" : "undef", "\n";
sub ret_hash { my %x = (a => 1, b => 2); return %x } my %rh = ret_hash(); print join(",", sort keys %rh), "\n";
sub implicit { my $x = shift; if ($x) { "yes" } else { "no" } } print implicit(1), implicit(0), "\n";
sub implicit_loop { for (1..3) { } } my @il = implicit_loop(); print "loop ret: ", scalar(@il), "\n";
sub unless_ret { unless ($_[0]) { "U" } } print unless_ret(0), "\n";
my @subs; for my $i (1..3) { push @subs, sub { $i * 10 } } print join(",", map { $_->() } @subs), "\n";
my @subs2; for (my $i = 1; $i <= 3; $i++) { push @subs2, sub { $i } } print join(",", map { $_->() } @subs2), "\n";
my @subs3; my $j = 0; while ($j < 3) { my $k = $j; push @subs3, sub { $k }; $j++ } print join(",", map { $_->() } @subs3), "\n";
sub make_counter { my $c = shift; return { inc => sub { ++$c }, get => sub { $c } } }
my $c1 = make_counter(5); my $c2 = make_counter(10); $c1->{inc}->() for 1..3; $c2->{inc}->();
print $c1->{get}->(), " ", $c2->{get}->(), "\n";
sub fact { my $n = shift; $n <= 1 ? 1 : $n * fact($n - 1) } print fact(10), " ", fact(20), "\n";
sub fib { my $n = shift; $n < 2 ? $n : fib($n-1) + fib($n-2) } print join(",", map { fib($_) } 0..15), "\n";
sub ackermann { my ($m, $n) = @_; return $n + 1 if $m == 0; return ackermann($m - 1, 1) if $n == 0; ackermann($m - 1, ackermann($m, $n - 1)) }
print ackermann(2, 3), "\n";
sub hanoi { my ($n, $f, $t, $v, $moves) = @_; return 0 if $n == 0; hanoi($n-1, $f, $v, $t) + 1 + hanoi($n-1, $v, $t, $f) } print hanoi(10, 'A', 'C', 'B'), "\n";
sub modify_copy { my @c = @_; $c[0] = 'X'; "@c" } my @orig = qw(a b); print modify_copy(@orig), " @orig\n";
sub ctx_list { return wantarray } my @cl = (ctx_list())[0]; print $cl[0] ? "list\n" : "scalar\n";
sub nested { my $x = shift; my $inner = sub { $x * 2 }; $inner->() + 1 } print nested(5), "\n";
my $anon = sub { "anon(@_)" }; print $anon->(1, 2), " ", &$anon(3), " ", &{$anon}(), "\n";
sub with_proto($$) { "$_[0]+$_[1]" } print with_proto(1, 2), "\n";
sub block_proto(&@) { my $code = shift; map { $code->($_) } @_ } print join(",", block_proto { $_[0] ** 2 } 1, 2, 3), "\n";
sub arr_proto(\@) { scalar @{$_[0]} } my @ap = (1..7); print arr_proto(@ap), "\n";
sub opt_proto($;$) { defined $_[1] ? 2 : 1 } print opt_proto(1), opt_proto(1, 2), "\n";
sub noargs() { 42 } print noargs + 1, "\n";
print defined &fact ? "defined\n" : "undef\n"; print exists &nosuch ? "exists\n" : "not exists\n";
my $name = "fact"; { no strict 'refs'; print &$name(4), " ", &{"main::$name"}(3), " ", "main"->can('fact')->(5), "\n"; }
sub recurse_depth { my $d = shift; return $d if $d >= 500; recurse_depth($d + 1) } print recurse_depth(0), "\n";
sub outer_sub { inner_helper(@_) } sub inner_helper { "helper:@_" } print outer_sub(1..3), "\n";
sub args_alias_shift { my $r = \$_[0]; $$r = 'changed' } my $val = 'orig'; args_alias_shift($val); print "$val\n";
sub many { return (1) x $_[0] } print scalar(my @m = many(4)), "\n";
print "caller: ", (sub { (caller(0))[3] })->(), "\n";
sub named_caller { (caller(0))[3] } print named_caller(), "\n";
sub try_ret { for my $x (1..5) { return $x * 100 if $x == 3 } "none" } print try_ret(), "\n";
