# Carp (built in): croak/confess/carp/cluck messages, trusted packages,
# backtraces with arguments, exception objects.
use strict;
use warnings;
use Carp;

package Shape;
use Carp qw(croak confess carp);
sub new {
    my ($class, %args) = @_;
    croak "Shape needs a name" unless defined $args{name};
    return bless {%args}, $class;
}
sub area { my $self = shift; confess "area not implemented for " . ref($self) }
sub resize { my ($self, $f) = @_; carp "resize by zero" if !$f; $self->{f} = $f; $self }

package Circle;
our @ISA = ('Shape');
sub make { Shape::new('Circle') }

package main;

eval { Shape->new };
print "1: $@";
eval { Circle::make() };
print "2: $@";
my $c = Shape->new(name => 'c');
eval { $c->area };
(my $e = $@) =~ s/0x[0-9a-f]+/ADDR/g;
print "3: $e";

sub divide {
    my ($x, $y) = @_;
    croak "Division by zero" if $y == 0;
    return $x / $y;
}
print "4: ", divide(6, 3), "\n";
eval { divide(1, 0) };
print "5: $@";
sub outer { inner(@_, "q\"uote") }
sub inner { divide(@_) }
eval { outer(7, 0) };
print "6: $@";
eval { outer(1 .. 12) };
print "7: [$@]\n";
eval { croak "top level" };
print "8: $@";
eval { Carp::croak("qualified", " parts") };
print "9: $@";
eval { croak({ code => 42 }) };
print "10: ", ref($@), " $@->{code}\n";
{
    local $SIG{__WARN__} = sub { print "warn: $_[0]" };
    $c->resize(0);
    sub wrap { carp "from main sub" }
    wrap();
    Carp::cluck("clucked");
}
my $m = Carp::shortmess("short");
print "11: $m";
{
    local $Carp::Verbose = 1;
    eval { Shape->new };
    print "12: $@";
}
open(my $fh, '<', $0) or die;
my $line = <$fh>;
eval { Shape->new };
print "13: $@";
eval { confess "with handle" };
print "14: $@";
close $fh;
Shape->new;
