# AUTOLOAD-generated accessors, DESTROY not autoloaded, can() with AUTOLOAD, closures installed as methods.
use strict;
use warnings;

package Person;
our $AUTOLOAD;
my %fields = (name => 1, age => 1, email => 1);
sub new {
    my ($class, %args) = @_;
    return bless { %args }, $class;
}
sub AUTOLOAD {
    my $self = shift;
    my $name = $AUTOLOAD;
    $name =~ s/.*:://;
    return if $name eq 'DESTROY';
    die "No method '$name' in " . ref($self) . "\n" unless $fields{$name};
    print "(autoload $name)\n";
    no strict 'refs';
    *{$AUTOLOAD} = sub { my $s = shift; $s->{$name} = shift if @_; return $s->{$name} };
    unshift @_, $self;
    goto &$AUTOLOAD;
}

package Employee;
our @ISA = ('Person');
sub salary { my $s = shift; $s->{salary} = shift if @_; $s->{salary} }

package main;

my $p = Person->new(name => "Ann", age => 30);
print "name: ", $p->name, "\n";
print "name again: ", $p->name, "\n";
$p->age(31);
print "age: ", $p->age, "\n";
print "can name now: ", (Person->can('name') ? "yes" : "no"), "\n";
print "can email yet: ", (Person->can('email') ? "yes" : "no"), "\n";
eval { $p->phone };
print "error: $@";

my $e = Employee->new(name => "Bob", salary => 100);
print "inherited autoload: ", $e->email // 'none', "\n";
print "salary: ", $e->salary, "\n";
$e->salary(200);
print "raise: ", $e->salary, "\n";

# generated accessors via closures in a loop
package Point;
for my $f (qw(x y z)) {
    no strict 'refs';
    *{"Point::$f"} = sub { my $s = shift; $s->{$f} = shift if @_; $s->{$f} };
}
sub new { my $c = shift; bless { x => 0, y => 0, z => 0, @_ }, $c }
package main;
my $pt = Point->new(x => 1, y => 2);
$pt->z(3);
print "point: ", join(",", map { $pt->$_ } qw(x y z)), "\n";

# AUTOLOAD for class methods and function calls
package Dyn;
our $AUTOLOAD;
sub AUTOLOAD {
    my $n = $AUTOLOAD;
    return if $n =~ /::DESTROY$/;
    return "Dyn AUTOLOAD($n) args=" . scalar(@_);
}
package main;
print Dyn->anything(1, 2), "\n";
print Dyn::func(5), "\n";
{ my $d = bless {}, 'Dyn'; print "obj: ", $d->meth, "\n"; }
print "destroy skipped\n";

# closures as objects
sub make_counter {
    my $n = shift;
    my %m = (
        inc => sub { $n++ },
        get => sub { $n },
        reset => sub { $n = 0 },
    );
    return sub { my $op = shift; return $m{$op}->(@_) };
}
my $c1 = make_counter(5);
my $c2 = make_counter(10);
$c1->('inc') for 1 .. 3;
$c2->('inc');
print "counters: ", $c1->('get'), " ", $c2->('get'), "\n";
$c1->('reset');
print "after reset: ", $c1->('get'), "\n";

# DESTROY with AUTOLOAD present is looked up directly
package WithDestroy;
our $AUTOLOAD;
sub new { bless {}, shift }
sub AUTOLOAD { print "AUTOLOAD called for $AUTOLOAD\n"; }
sub DESTROY { print "real DESTROY\n" }
package main;
{ my $w = WithDestroy->new; $w->foo; }
print "done\n";
