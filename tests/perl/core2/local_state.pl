use strict; use warnings; use feature qw(state say);
our $g = "global"; our @ga = (1, 2); our %gh = (k => 'v');
sub show { "g=$g ga=@ga gh=" . join(",", map { "$_=$gh{$_}" } sort keys %gh) }
sub test_local { local $g = "localized"; local @ga = (9); local $gh{k} = 'L'; local $gh{new} = 'N'; show() }
print test_local(), "\n", show(), "\n";
sub counter { state $n = 0; return ++$n } counter() for 1..4; say "counter: ", counter();
sub state_list { state @s; push @s, shift; scalar @s } state_list($_) for 1..3; say "state arr: ", state_list(0);
sub state_hash { state %seen; return $seen{$_[0]}++ ? "dup" : "new" } say join(",", map { state_hash($_) } qw(a b a c b));
my @gens = map { my $x = $_; sub { state $c = 10; $c += $x } } 1..2;
say "closures w/ state: ", $gens[0]->(), " ", $gens[0]->(), " ", $gens[1]->();
for my $i (1..3) { state $once = do { print "init once\n"; 5 }; $once++; say "once=$once" if $i == 3 }
{ local $_ = "topic"; say "local \$_: $_"; for (1..2) { } say "after for: $_"; }
$_ = "outer"; { local $_; say defined $_ ? "def" : "undef in local"; } say "restored: $_";
sub uses_topic { local $_ = shift; s/a/A/g; $_ } say uses_topic("banana"), " $_";
our $dyn = "outer"; sub read_dyn { $dyn } sub wrap_dyn { local $dyn = "inner"; read_dyn() } say wrap_dyn(), " ", read_dyn();
my $lex = "outer"; sub read_lex { $lex } sub wrap_lex { my $lex = "inner"; read_lex() } say wrap_lex();
{ local $, = "-"; local $\ = "\n"; print "a", "b"; } print "c", "d", "\n";
{ local $" = ","; my @l = (1,2,3); say "@l"; }
our @stack = (1..3); sub pop_local { local @stack = @stack; pop @stack; scalar @stack } say pop_local(), " ", scalar @stack;
my %config = (debug => 0);
sub with_debug { local $config{debug} = 1; check() } sub check { $config{debug} } say with_debug(), check();
my @arr = (1..5); { local $arr[1] = 'X'; say "@arr"; } say "@arr";
{ local @ENV{qw(PSH_A PSH_B)} = ('1', '2'); say join ",", map { $ENV{$_} // 'u' } qw(PSH_A PSH_B); } say exists $ENV{PSH_A} ? "leak" : "clean";
package Foo { our $name = "foo"; sub get { $name } } say Foo::get(), " $Foo::name";
package main;
our $x = 1; { our $x; $x = 2; } say "our x: $x";
my $y = 10; { my $y = 20; say "inner y $y"; } say "outer y $y";
my $z = 1; { my $z = $z + 1; say "shadow init $z"; }
sub rec_local { my $n = shift; local $g = $n; return $n == 0 ? $g : rec_local($n - 1) . $g } say rec_local(3);
sub get_g { $g } sub nested_local { local $g = "L1"; my @r = (get_g()); { local $g = "L2"; push @r, get_g(); } push @r, get_g(); "@r" } say nested_local(), " ", get_g();
my $closure; { my $private = 42; $closure = sub { $private++ } } $closure->(); say "closure: ", $closure->();
my @subs; for my $n (1..3) { push @subs, sub { state $calls = 0; $calls++; "$n:$calls" } } say join " ", map { $_->() } @subs, @subs;
state $top = "top-state"; say $top;
eval { local $g = "in eval"; die "oops\n" }; say "after die: $g";
sub lv_local { local $g; defined $g ? "def" : "undef" } say lv_local();
{ no strict 'refs'; local ${"main::g"} = "symbolic"; say get_g(); } say get_g();
my $str = "abc"; { local $@ = "x"; } say "at: [$@]";
sub ctx { state $n = wantarray ? "list" : "scalar"; $n } my @l = ctx(); my $s = ctx(); say "state ctx: $l[0] $s";
