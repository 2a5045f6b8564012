# Restricted hashes: Hash::Util's lock_* functions, read-only values,
# Internals::SvREADONLY, and the fields pragma built on them.
use strict;
use warnings;
use Hash::Util qw(lock_keys unlock_keys lock_keys_plus lock_value unlock_value
    lock_hash unlock_hash legal_keys hidden_keys hash_locked hash_unlocked
    lock_hash_recurse lock_ref_keys);

my %h = (a => 1, b => 2);
lock_keys(%h);
eval { $h{c} = 3 };
print "store: $@";
eval { my $x = $h{c} };
print "fetch: $@";
print "exists c: ", (exists $h{c} ? 1 : 0), "\n";
$h{a} = 10;
print "a=$h{a}\n";
delete $h{a};
print "keys: ", join(",", sort keys %h), "\n";
print "hidden: ", join(",", sort(hidden_keys(%h))), "\n";
print "legal: ", join(",", sort(legal_keys(%h))), "\n";
print "a after delete: ", (defined $h{a} ? $h{a} : 'undef'), "\n";
$h{a} = 5;
print "a back: $h{a}\n";
eval { delete $h{zz} };
print "delete: $@";
print "locked: ", (hash_locked(%h) ? 1 : 0), " unlocked: ", (hash_unlocked(%h) ? 1 : 0), "\n";
unlock_keys(%h);
$h{c} = 3;
print "c=$h{c} locked: ", (hash_locked(%h) ? 1 : 0), "\n";

my %g = (x => 1);
lock_keys(%g, qw(x y z));
print "g keys: ", join(",", sort keys %g), " legal: ", join(",", sort(legal_keys(%g))), "\n";
$g{y} = 2;
print "y=$g{y}\n";
eval { $g{w} = 1 };
print "w: $@";
eval { lock_keys(%g, qw(x)) };
print "relock: $@";
unlock_keys(%g);
lock_keys_plus(%g, qw(extra));
$g{extra} = 1;
print "extra ok\n";
eval { $g{nope} = 1 };
print "plus: $@";

my %v = (k => 1);
lock_hash(%v);
eval { $v{k} = 2 };
print "ro: $@";
eval { $v{k}++ };
print "ro inc: $@";
eval { delete $v{k} };
print "del ro: $@";
eval { %v = () };
print "clear: $@";
print "v still: $v{k}\n";
unlock_hash(%v);
$v{k} = 3;
$v{new} = 1;
print "k=$v{k} new=$v{new}\n";

my %one = (k => 1, j => 2);
lock_keys(%one);
lock_value(%one, 'k');
eval { $one{k} = 9 };
print "lock_value: $@";
$one{j} = 7;
print "j=$one{j}\n";
unlock_value(%one, 'k');
$one{k} = 9;
print "k=$one{k}\n";
%one = ();
print "cleared: ", scalar(keys %one), " legal: ", join(",", sort(legal_keys(%one))), "\n";
$one{k} = 1;
print "refilled: $one{k}\n";

my %n = (a => { b => 1 });
lock_hash_recurse(%n);
eval { $n{a}{c} = 1 };
print "recurse: $@";

my $obj = { name => 'x' };
lock_ref_keys($obj);
eval { $obj->{nmae} = 'typo' };
print "typo: $@";
eval { $obj->{cnt}++ };
print "inc: $@";
eval { print "never $obj->{nope}\n" };
print "print: $@";
my %e;
lock_keys(%e);
eval { $e{a}{b} = 1 };
print "autoviv: $@";
for my $i (1 .. 2) {
    my %l = (a => 1);
    lock_keys(%l);
    eval { $l{b} = 1 };
    print "loop $i: $@";
}

my $ro = 5;
Internals::SvREADONLY($ro, 1);
eval { $ro = 6 };
print "sv: $@";
eval { $ro++ };
print "sv inc: $@";
eval { $ro .= "x" };
print "sv cat: $@";
print "ro=$ro readonly=", (Internals::SvREADONLY($ro) ? 1 : 0), "\n";
Internals::SvREADONLY($ro, 0);
$ro = 7;
print "ro=$ro\n";

# fields: a typo in a field name dies.
package Animal;
use fields qw(name legs);
sub new {
    my Animal $self = shift;
    $self = fields::new($self) unless ref $self;
    $self->{name} = shift;
    $self->{legs} = 4;
    return $self;
}
package Dog;
use base 'Animal';
use fields qw(tricks);
sub new {
    my $class = shift;
    my $self = fields::new($class);
    $self->SUPER::new(@_);
    $self->{tricks} = [];
    return $self;
}
package main;
my $d = Dog->new("Rex");
print ref($d), " $d->{name} $d->{legs}\n";
eval { $d->{color} = 'brown' };
print "field: $@";
push @{ $d->{tricks} }, 'sit';
print "tricks: @{ $d->{tricks} }\n";
print "Dog fields: ", join(",", sort keys %Dog::FIELDS), "\n";
print "done\n";
