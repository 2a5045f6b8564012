# OO depth: SUPER chains, AUTOLOAD, DESTROY, can/isa (also isa of the reftype), generated accessors, exception objects, nested evals, $SIG{__DIE__}, local $@
use strict; use warnings;
package Base; sub new { my ($c, %a) = @_; my $s = bless { %a }, ref($c) || $c; $s->init; $s } sub init { $_[0]{base} = 1 } sub name { 'Base' } sub hello { my $s = shift; "hello from " . $s->name }
sub DESTROY { print "DESTROY ", ref($_[0]), "\n" }
package Mid; our @ISA = ('Base'); sub init { my $s = shift; $s->SUPER::init(); $s->{mid} = 1 } sub name { 'Mid(' . $_[0]->SUPER::name() . ')' }
package Leaf; use parent -norequire, 'Mid'; sub name { 'Leaf<' . shift->SUPER::name() . '>' }
our $AUTOLOAD; sub AUTOLOAD { my $s = shift; my $n = $AUTOLOAD; $n =~ s/.*:://; return if $n eq 'DESTROY'; "auto:$n(@_)" }
package main;
{ my $l = Leaf->new(x => 1); print $l->hello, "\n"; print join(",", sort keys %$l), "\n"; print $l->frobnicate(1,2), "\n";
  print Leaf->can('hello') ? "can\n" : "cannot\n"; print $l->isa('Base') ? "isa\n" : "not\n"; print UNIVERSAL::isa($l, 'HASH') ? "hash\n" : "nohash\n"; }
package A1; sub hi { 'A1' } package B1; our @ISA = ('A1'); package C1; our @ISA = ('A1'); sub hi { 'C1' } package D1; use mro 'c3'; our @ISA = ('B1', 'C1');
package main; print D1->hi, " ", join(",", @{mro::get_linear_isa('D1')}), "\n";
for my $f (qw(color size)) { no strict 'refs'; *{"Leaf::$f"} = sub { my $s = shift; $s->{$f} = shift if @_; $s->{$f} } }
my $o = Leaf->new; $o->color('red'); print $o->color, "\n"; undef $o;
my $r = eval { die { code => 42 } }; print "die obj: $@->{code}\n";
package MyErr; sub new { bless { msg => $_[1] }, $_[0] } sub throw { die $_[0]->new($_[1]) } sub msg { $_[0]{msg} }
package main;
eval { MyErr->throw("bad thing") }; if (ref $@ && $@->isa('MyErr')) { print "caught: ", $@->msg, "\n" }
my @l = eval "(1, 2, 3)"; print scalar(@l), "\n";
eval "1 +"; print "syntax: ", ($@ ? "yes" : "no"), "\n";
local $SIG{__DIE__} = sub { print "DIE handler: $_[0]" }; eval { die "oops\n" }; print "after: $@";
my $v = eval { eval { die "inner\n" }; print "inner caught: $@"; die "outer\n" }; print "outer caught: $@";
{ local $@; eval { die "x\n" }; } print "restored: [", ($@ // ''), "]\n";
print "done\n";
