# Multilevel SUPER::, method resolution, can/isa/DOES/ref, class data, indirect method names.
use strict;
use warnings;

package Shape;
my $count = 0;
our $VERSION = '1.02';
sub new {
    my ($class, %a) = @_;
    my $self = bless { name => $a{name} || 'shape' }, $class;
    $count++;
    $self->init(%a);
    return $self;
}
sub init { my ($s, %a) = @_; $s->{color} = $a{color} || 'none'; }
sub count { $count }
sub describe { my $s = shift; return "$s->{name} ($s->{color})" }
sub area { 0 }
sub kind { ref(shift) || 'Shape-class' }

package Rect;
our @ISA = ('Shape');
sub init {
    my ($s, %a) = @_;
    $s->SUPER::init(%a);
    @$s{qw(w h)} = ($a{w}, $a{h});
}
sub area { $_[0]{w} * $_[0]{h} }
sub describe { my $s = shift; return "Rect[" . $s->SUPER::describe() . "] " . $s->area }

package Square;
use parent -norequire, 'Rect';
sub init {
    my ($s, %a) = @_;
    $s->SUPER::init(%a, w => $a{side}, h => $a{side});
    $s->{side} = $a{side};
}
sub describe { my $s = shift; return "Square{" . $s->SUPER::describe() . "}" }

package main;

my @shapes = (
    Shape->new(name => 'blob'),
    Rect->new(name => 'r', w => 2, h => 3, color => 'red'),
    Square->new(name => 'sq', side => 4, color => 'blue'),
);
print $_->describe, "\n" for @shapes;
print "count: ", Shape->count, " via obj: ", $shapes[2]->count, "\n";
print "kind: ", join(",", map { $_->kind } @shapes), " class: ", Shape->kind, "\n";

my $sq = $shapes[2];
print "isa: ", join(",", map { $sq->isa($_) ? 1 : 0 } qw(Square Rect Shape UNIVERSAL Other)), "\n";
print "DOES: ", ($sq->DOES('Shape') ? 1 : 0), "\n";
print "class isa: ", (Square->isa('Shape') ? 1 : 0), "\n";
print "ref: ", ref($sq), " ", ref(\$sq), " ", ref([]), " ", ref(sub {}), " ", ref(\1), "\n";
print "VERSION: ", Shape->VERSION, "\n";
print "Square VERSION: ", (defined Square->VERSION ? "def" : "undef"), "\n";

# can returns code ref
my $m = $sq->can('area');
print "can area: ", $m->($sq), "\n";
print "can missing: ", (defined $sq->can('nope') ? "yes" : "no"), "\n";
print "can()->() : ", Square->can('count')->(), "\n";
print "can on class string: ", (Rect->can('describe') == \&Rect::describe ? "same" : "diff"), "\n";

# indirect method names
for my $meth (qw(area describe)) {
    print "dyn $meth: ", $sq->$meth(), "\n";
}
my $cref = \&Shape::describe;
print "coderef method: ", $sq->$cref(), "\n";
my $class = "Rect";
my $r2 = $class->new(name => 'dyn', w => 1, h => 1);
print "dyn class: ", $r2->describe, "\n";
my $full = "Shape::describe";
print "full name: ", $sq->$full(), "\n";
print "SUPER-less explicit: ", $sq->Rect::describe(), "\n";

# method call on unblessed / missing method errors
eval { my $h = {}; $h->foo };
print "unblessed: ", $@ =~ /^Can't call method "foo" on unblessed reference/ ? "ok" : $@, "\n";
eval { $sq->nosuch };
print "missing: $@";
eval { NoClass->new };
print "no class: $@";
eval { my $u; $u->x };
print "undef inv: $@";
eval { "str"->x };
print "str inv: $@";

# @ISA changes at runtime
package Late; sub hello { "late hello" }
package main;
push @Rect::ISA, 'Late';
print "late: ", $sq->hello, "\n";
