# Class methods and class data, inheritance of class data via accessors, our @ISA vs use parent,
# SUPER in a diamond-ish hierarchy, stringified objects avoided.
use strict;
use warnings;

package Counter;
my %instances;
our $Default = 1;
sub new {
    my $class = shift;
    $instances{$class}++;
    my $self = bless { step => @_ ? shift : $class->default_step }, $class;
    return $self;
}
sub default_step { $Default }
sub instances { my $class = shift; $class = ref $class if ref $class; return $instances{$class} || 0 }
sub total { my $t = 0; $t += $_ for values %instances; $t }

package FastCounter;
use parent -norequire, 'Counter';
sub default_step { 10 }

package SlowCounter;
our @ISA = ('Counter');

package main;
my @c = (Counter->new, Counter->new(5), FastCounter->new, SlowCounter->new, FastCounter->new);
print "steps: ", join(",", map { $_->{step} } @c), "\n";
printf "instances: Counter=%d Fast=%d Slow=%d total=%d\n",
    Counter->instances, FastCounter->instances, SlowCounter->instances, Counter->total;
print "via object: ", $c[2]->instances, "\n";
$Counter::Default = 3;
print "changed default: ", SlowCounter->new->{step}, "\n";

# diamond: D inherits B and C which both inherit A (DFS order)
package A; sub new { bless {}, shift } sub hello { "A::hello" } sub who { "A" }
package B; our @ISA = ('A'); sub who { "B>" . $_[0]->SUPER::who() }
package C; our @ISA = ('A'); sub who { "C>" . $_[0]->SUPER::who() } sub hello { "C::hello" }
package D; our @ISA = ('B', 'C'); sub who { "D>" . $_[0]->SUPER::who() }
package main;
my $d = D->new;
print "who: ", $d->who, "\n";
print "hello (dfs finds A before C): ", $d->hello, "\n";
print "ISA: @D::ISA\n";

# UNIVERSAL::isa as function, and can on unloaded
print "UNIVERSAL::isa: ", (UNIVERSAL::isa($d, 'A') ? 1 : 0), (UNIVERSAL::isa([], 'ARRAY') ? 1 : 0), (UNIVERSAL::isa({}, 'ARRAY') ? 1 : 0), "\n";
print "can unloaded: ", (UNIVERSAL::can('Nope', 'new') ? 1 : 0), "\n";

# ref() in boolean and comparison with class names
for my $thing ($d, [], {}, \"s", 5, undef) {
    my $r = ref $thing;
    print "ref: '", $r, "' ", ($r ? "true" : "false"), "\n";
}

# stringified class name invocant with ::
print "colon invocant: ", D::->who, "\n";
my $cls = ref $d;
print "new from ref: ", ref($cls->new), "\n";
# SUPER resolves by package of the sub, not the object
package B; sub via_super { $_[0]->SUPER::hello() }
package main;
print "super from B: ", $d->via_super, "\n";

# accessor generation that respects inheritance
package Base2;
sub mk { my ($class, @f) = @_; no strict 'refs'; for my $f (@f) { *{"${class}::$f"} = sub { $_[0]{$f} } } }
package Kid2; our @ISA = ('Base2'); __PACKAGE__->mk(qw(p q));
package main;
my $k = bless { p => 'P', q => 'Q' }, 'Kid2';
print "generated: ", $k->p, $k->q, " defined in Kid2: ", (defined &Kid2::p ? 1 : 0), " Base2: ", (defined &Base2::p ? 1 : 0), "\n";
print "__PACKAGE__: ", __PACKAGE__, "\n";
