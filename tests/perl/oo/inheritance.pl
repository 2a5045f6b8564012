# @ISA, use parent -norequire, SUPER::, multi-level, can/isa/DOES, method overriding.
use strict;
use warnings;

package Animal;
sub new { my ($class, %a) = @_; my $self = bless { name => $a{name} // 'x', sound => 'generic' }, $class; $self->init(%a); $self }
sub init { }
sub name { $_[0]{name} }
sub speak { my $s = shift; sprintf "%s the %s says %s", $s->name, lc ref($s), $s->sound }
sub sound { $_[0]{sound} }
sub legs { 4 }
sub describe { my $s = shift; $s->name . " has " . $s->legs . " legs" }

package Dog;
our @ISA = ('Animal');
sub sound { "Woof" }
sub init { my ($s, %a) = @_; $s->{tricks} = $a{tricks} || [] }
sub tricks { @{ $_[0]{tricks} } }

package Puppy;
use parent -norequire, 'Dog';
sub sound { my $s = shift; "small " . $s->SUPER::sound() }
sub speak { my $s = shift; my $base = $s->SUPER::speak(); "$base (wags tail)" }

package Bird;
use parent -norequire, 'Animal';
sub legs { 2 }
sub sound { "Tweet" }
sub fly { "flap" }

package Penguin;
our @ISA = ('Bird');
sub fly { my $s = shift; "cannot " . $s->SUPER::fly() }

package main;

my @zoo = (Dog->new(name => "Rex", tricks => ['sit', 'roll']), Puppy->new(name => "Bit"), Bird->new(name => "Tweety"), Penguin->new(name => "Pingu"), Animal->new(name => "Thing"));
for my $a (@zoo) {
    print $a->speak, "; ", $a->describe, "\n";
}
print "tricks: ", join(",", $zoo[0]->tricks), " puppy tricks: ", scalar($zoo[1]->tricks), "\n";
print "penguin: ", $zoo[3]->fly, "; bird: ", $zoo[2]->fly, "\n";
for my $class (qw(Animal Dog Puppy Bird Penguin)) {
    print "$class isa: ", join(",", grep { $class->isa($_) } qw(Animal Dog Puppy Bird Penguin)), "\n";
}
print "obj isa: ", ($zoo[1]->isa('Animal') ? 1 : 0), ($zoo[1]->isa('Bird') ? 1 : 0), "\n";
print "DOES: ", (Puppy->DOES('Dog') ? 1 : 0), (Puppy->DOES('Bird') ? 1 : 0), "\n";
print "can: ", (Puppy->can('tricks') ? 1 : 0), (Bird->can('tricks') ? 1 : 0), (Penguin->can('fly') == Bird->can('fly') ? " same" : " overridden"), "\n";
print "can returns code: ", Penguin->can('legs')->(), "\n";
print "\@ISA: @Puppy::ISA / @Penguin::ISA\n";
# multiple inheritance, DFS method resolution
package A1 { sub hello { "A1::hello" } sub who { "A1" } }
package B1 { our @ISA = ('A1'); }
package C1 { sub hello { "C1::hello" } sub only_c { "C1 only" } }
package D1 { our @ISA = ('B1', 'C1'); }
print "MRO dfs: ", D1->hello, " ", D1->only_c, " ", D1->who, "\n";
# dynamic @ISA change
package Late { sub late { "late method" } }
push @Penguin::ISA, 'Late';
print "dynamic ISA: ", Penguin->late, "\n";
# SUPER resolves relative to package of the sub, not the object
package Base2 { sub new { bless {}, shift } sub hi { "Base2" } }
package Mid2 { our @ISA = ('Base2'); sub hi { "Mid2>" . $_[0]->SUPER::hi() } }
package Leaf2 { our @ISA = ('Mid2'); sub hi { "Leaf2>" . $_[0]->SUPER::hi() } }
print "SUPER chain: ", Leaf2->new->hi, "\n";
# calling a parent method explicitly
print "explicit: ", Leaf2->new->Base2::hi(), "\n";
# ref and isa on non-blessed and strings
print "UNIVERSAL::isa on ref: ", (UNIVERSAL::isa([], 'ARRAY') ? 1 : 0), (UNIVERSAL::isa({}, 'ARRAY') ? 1 : 0), "\n";
