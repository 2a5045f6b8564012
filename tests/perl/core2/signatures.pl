use v5.36;
sub add ($x, $y = 10) { $x + $y }
say add(1), " ", add(1, 2);
sub greet ($name, $greeting = "Hello", @rest) { "$greeting, $name" . (@rest ? " (+" . scalar(@rest) . ")" : "") }
say greet("Bob"); say greet("Al", "Hi"); say greet("Cy", "Yo", 1, 2);
sub opts ($first, %o) { join ",", $first, map { "$_=$o{$_}" } sort keys %o }
say opts("f", b => 2, a => 1);
sub noargs () { "none" } say noargs();
sub ignore ($, $second) { $second } say ignore(1, 2);
sub defexpr ($x, $y = $x * 2) { "$x,$y" } say defexpr(3); say defexpr(3, 4);
sub undef_default ($x = undef) { defined $x ? "def" : "undef" } say undef_default();
sub slurpy_empty (@a) { scalar @a } say slurpy_empty(), slurpy_empty(1, 2, 3);
my $anon = sub ($n) { $n * $n }; say $anon->(7);
eval { add() }; print "err: $@";
eval { add(1, 2, 3) }; print "err: $@";
eval { opts("f", "odd") }; print "err: $@";
eval { noargs(1) }; print "err: $@";
sub rec ($n) { $n <= 0 ? 0 : $n + rec($n - 1) } say rec(100);
my @fns = map { my $m = $_; sub ($v) { $v * $m } } 1..3; say join ",", map { $_->(10) } @fns;
sub hashy (%h) { join ",", map { "$_$h{$_}" } sort keys %h } say hashy(a => 1, b => 2);
sub mod_arg ($x) { $x .= "!"; $x } my $orig = "hi"; say mod_arg($orig), " $orig";
sub last_default ($a1, $b1 = "B", $c1 = "C") { "$a1$b1$c1" } say last_default("A"), last_default("A", "b"), last_default(qw(x y z));
sub ctx_sig ($x) { wantarray ? "list" : "scalar" } my @l = ctx_sig(1); say $l[0], " ", scalar ctx_sig(1);
package Counter { sub new ($class, %args) { bless { n => $args{start} // 0 }, $class } sub inc ($self, $by = 1) { $self->{n} += $by; $self } sub val ($self) { $self->{n} } }
say Counter->new(start => 5)->inc->inc(10)->val;
say "done";
