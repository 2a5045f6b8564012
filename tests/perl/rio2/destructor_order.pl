# Destructor timing: scope exit, refcount drops, circular refs with weaken-free breaking, containers.
use strict;
use warnings;

package Node;
my @log;
sub new { my ($c, $n) = @_; return bless { n => $n, kids => [] }, $c }
sub add { my ($s, $k) = @_; push @{ $s->{kids} }, $k; return $s }
sub DESTROY { my $s = shift; print "destroy $s->{n}\n" }

package main;

{
    my $root = Node->new("root");
    $root->add(Node->new("k1"))->add(Node->new("k2"));
    print "built tree\n";
}
print "tree gone\n";

# hash of objects: delete triggers destroy
my %h = map { $_ => Node->new("h$_") } 1 .. 2;
delete $h{1};
print "deleted h1\n";
%h = ();
print "cleared hash\n";

# object shared by two refs
my $shared = Node->new("shared");
my $copy = $shared;
undef $shared;
print "one ref left\n";
undef $copy;
print "no refs\n";

# circular reference broken manually
{
    my $a = Node->new("cyc_a");
    my $b = Node->new("cyc_b");
    $a->{peer} = $b;
    $b->{peer} = $a;
    delete $b->{peer};
}
print "cycle broken\n";

# object returned from sub and stored
sub factory { my $t = Node->new("factory"); return $t }
my $f = factory();
print "factory alive: $f->{n}\n";
$f = undef;

# objects in array, pop and shift
my @stack = map { Node->new("s$_") } 1 .. 3;
pop @stack;
print "popped\n";
shift @stack;
print "shifted\n";
@stack = ();

# local on a global holding an object
our $glob = Node->new("global1");
{
    local $glob = Node->new("local");
    print "inside local\n";
}
print "after local\n";

# DESTROY sees the object intact and can call methods
package Account;
sub new { bless { bal => $_[1] }, $_[0] }
sub balance { $_[0]{bal} }
sub DESTROY { printf "closing account with %d\n", $_[0]->balance }
package main;
{ my $acct = Account->new(150); }

# temporary in expression
print "temp name: ", Node->new("tmp")->{n}, "\n";
print "after temp\n";

# re-bless
my $rb = Node->new("rebless");
bless $rb, 'Account';
$rb->{bal} = 7;
undef $rb;
print "end of main\n";
