# Packages, bless, constructors, accessors, method call forms.
use strict;
use warnings;

package Counter;
my $instances = 0;
sub new {
    my ($class, %args) = @_;
    my $self = bless { count => $args{start} // 0, name => $args{name} // "anon" }, $class;
    $instances++;
    return $self;
}
sub inc { my $self = shift; $self->{count} += (shift // 1); return $self }
sub count { $_[0]{count} }
sub name {
    my $self = shift;
    $self->{name} = shift if @_;
    return $self->{name};
}
sub instances { $instances }
sub to_string { my $s = shift; sprintf "%s=%d", $s->name, $s->count }

package main;

my $c = Counter->new(name => "clicks", start => 5);
$c->inc;
$c->inc(10);
print "count: ", $c->count, " name: ", $c->name, "\n";
$c->name("renamed");
print "setter: ", $c->name, "\n";
print "chained: ", Counter->new->inc->inc->inc(3)->count, "\n";
print "class method: ", Counter->instances, " ", Counter::instances(), "\n";
print "ref: ", ref($c), " blessed into: ", (ref($c) eq 'Counter' ? "Counter" : "?"), "\n";
my $class = "Counter";
my $d = $class->new(name => "dyn");
print "class in variable: ", $d->to_string, "\n";
my $meth = "to_string";
print "method in variable: ", $c->$meth, " ", $c->$meth(), "\n";
my $cref = \&Counter::count;
print "code ref as method: ", $c->$cref, "\n";
my $anon = sub { "anon method on " . $_[0]->name . " with @_[1..$#_]" };
print $c->$anon(1, 2), "\n";
print "function call form: ", Counter::count($c), "\n";
print "can: ", (Counter->can('inc') ? "yes" : "no"), " ", (Counter->can('nope') ? "yes" : "no"), " ", $c->can('name')->($c), "\n";
print "string class with ::: ", "Counter"->new(name => "str")->name, "\n";
print "Counter:: form: ", Counter::->new(name => "colons")->name, "\n";
# data inside objects
my @objs = map { Counter->new(name => "n$_", start => $_ * 10) } 1 .. 3;
print "objects: ", join(" ", map { $_->to_string } @objs), "\n";
my ($max) = sort { $b->count <=> $a->count } @objs;
print "max: ", $max->name, "\n";
# hash-based object introspection
print "fields: ", join(",", sort keys %$c), "\n";
# blessing arrays and scalars
package Point { sub new { my ($c, $x, $y) = @_; bless [$x, $y], $c } sub x { $_[0][0] } sub y { $_[0][1] } sub str { "(" . $_[0]->x . "," . $_[0]->y . ")" } }
package Temp { sub new { my ($c, $v) = @_; bless \$v, $c } sub value { ${ $_[0] } } }
my $p = Point->new(3, 4);
print "array object: ", $p->str, " ", ref($p), "\n";
print "scalar object: ", Temp->new(98.6)->value, "\n";
# rebless
bless $p, 'Other';
print "reblessed: ", ref($p), "\n";
# indirect class via __PACKAGE__
package Widget { sub kind { __PACKAGE__ } sub create { my $c = shift; bless {}, ref($c) || $c } }
my $w = Widget->create;
my $w2 = $w->create;
print "__PACKAGE__: ", Widget->kind, " clone-ish: ", ref($w2), "\n";
# UNIVERSAL::isa on non-objects
print "isa on class name: ", (Widget->isa('Widget') ? 1 : 0), "\n";
# method resolution on unblessed errors
eval { my $h = {}; $h->name };
print "error: ", ($@ =~ /unblessed reference/ ? "unblessed" : $@), "\n";
eval { Counter->missing_method };
print "missing: ", $@ =~ s/ at .*//sr, "\n";
# stringify comparisons not printed: equality of refs
my $same = $c;
print "same object: ", ($same == $c ? "yes" : "no"), " different: ", ($c == $d ? "yes" : "no"), "\n";
