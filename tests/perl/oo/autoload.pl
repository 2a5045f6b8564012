# AUTOLOAD with $AUTOLOAD, generated accessors, DESTROY not autoloaded, can.
use strict;
use warnings;

package Person;
our $AUTOLOAD;
my %fields = (name => 1, age => 1, email => 1);
sub new { my ($c, %a) = @_; bless {%a}, $c }
sub AUTOLOAD {
    my $self = shift;
    my $name = $AUTOLOAD;
    $name =~ s/.*:://;
    return if $name eq 'DESTROY';
    die "No method '$name' in " . (ref($self) || $self) . "\n" unless $fields{$name};
    print "  (autoloading $AUTOLOAD)\n";
    no strict 'refs';
    *{$AUTOLOAD} = sub { my $s = shift; $s->{$name} = shift if @_; $s->{$name} };
    return $self->$name(@_);
}

package main;
my $p = Person->new(name => "Ann", age => 30);
print "name: ", $p->name, "\n";
print "name again (installed): ", $p->name, "\n";
print "age: ", $p->age, "\n";
$p->email('ann@example.com');
print "email: ", $p->email, "\n";
eval { $p->salary };
print "error: $@";
print "can name now: ", (Person->can('name') ? "yes" : "no"), " can salary: ", (Person->can('salary') ? "yes" : "no"), "\n";

# AUTOLOAD for functions
package Funcs;
our $AUTOLOAD;
sub AUTOLOAD { my $n = $AUTOLOAD; $n =~ s/.*:://; return "called $n(" . join(",", @_) . ")" }
package main;
print Funcs::anything(1, 2), "\n";
print Funcs->class_call(3), "\n";

# inherited AUTOLOAD
package Base;
our $AUTOLOAD;
sub new { bless {}, shift }
sub AUTOLOAD { my $n = $AUTOLOAD; return if $n =~ /DESTROY$/; "Base AUTOLOAD for $n" }
package Derived;
our @ISA = ('Base');
sub real { "real method" }
package main;
my $d = Derived->new;
print $d->real, "\n";
print $d->virtual, "\n";
