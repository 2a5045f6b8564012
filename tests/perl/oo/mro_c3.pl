# mro: use mro 'c3' linearization, next::method / maybe::next::method chains, mro::get_linear_isa (c3 and dfs), get_mro, get_isarev
use strict; use warnings;
package A; use mro 'c3'; sub new { bless {}, shift } sub hello { "A::hello" } sub chain { "A" }
package B; use parent -norequire, 'A'; use mro 'c3'; sub hello { my $s = shift; "B>" . $s->next::method() } sub chain { "B>" . $_[0]->next::method }
package C; use parent -norequire, 'A'; use mro 'c3'; sub hello { my $s = shift; "C>" . $s->next::method() } sub chain { "C>" . $_[0]->maybe::next::method }
package D; use parent -norequire, 'B', 'C'; use mro 'c3'; sub hello { my $s = shift; "D>" . $s->next::method() }
sub chain { "D>" . $_[0]->next::method }
package main;
my $d = D->new;
print $d->hello, "\n", $d->chain, "\n";
print join(",", @{ mro::get_linear_isa('D') }), " | ", join(",", @{ mro::get_linear_isa('D', 'dfs') }), "\n";
print mro::get_mro('D'), " ", mro::get_mro('main'), "\n";
print D->can('hello') == \&D::hello ? "can ok\n" : "can bad\n";

package X; sub new { bless [], shift } sub only { $_[0]->maybe::next::method // 'none' } package main;
print X->new->only, "\n";
eval { package Y; our @ISA = ('X'); sub only { $_[0]->next::method } package main; Y->new->only }; print "err: ", ($@ ? "none found\n" : "no error\n");
print join(",", sort @{ mro::get_isarev('A') }), "\n";
