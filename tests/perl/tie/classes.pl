# tie: Tie::StdScalar/StdArray/ExtraHash subclasses, dying FETCH/STORE, untie, DESTROY
use strict; use warnings;
package Upper;
require Tie::Scalar;
our @ISA = ('Tie::StdScalar');
sub FETCH { uc ${$_[0]} }
package RO;
sub TIESCALAR { my $v = $_[1]; bless \$v, $_[0] }
sub FETCH { ${$_[0]} }
sub STORE { die "read-only variable\n" }
package Bomb;
sub TIESCALAR { bless {}, shift }
sub FETCH { die "boom\n" }
package MyArr;
require Tie::Array;
our @ISA = ('Tie::StdArray');
package MyHash;
require Tie::Hash;
our @ISA = ('Tie::ExtraHash');
sub TIEHASH { my $c = shift; bless [{}, @_], $c }
sub STORE { $_[0][0]{lc $_[1]} = $_[2] }
sub FETCH { $_[0][0]{lc $_[1]} }
package main;
tie my $u, 'Upper';
$u = "hello";
print "$u\n";
print length($u), "\n";
tie my $ro, 'RO', 42;
print "ro=$ro\n";
eval { $ro = 5; print "not here\n"; };
print "err: $@";
print "ro still $ro\n";
tie my $bomb, 'Bomb';
my $r = eval { my $z = $bomb; print "not reached\n"; 1 };
print "caught: $@";
tie my @arr, 'MyArr';
@arr = (3,1,2);
print join(",", sort { $a <=> $b } @arr), "\n";
print "n=", scalar(@arr), " last=$#arr\n";
$#arr = 0;
print "after: @arr\n";
push @arr, 'x', 'y';
splice(@arr, 1, 1, 'A', 'B');
print "@arr\n";
print "rev: @{[reverse @arr]}\n";
my @copy = map { $_ x 2 } @arr;
print "@copy\n";
$_ .= "!" for @arr;
print "@arr\n";
print exists $arr[1] ? "e\n" : "ne\n";
delete $arr[1];
print defined $arr[1] ? "d\n" : "nd\n";
tie my %h, 'MyHash', 'extra';
$h{Foo} = 1; $h{BAR} = 2;
print join(",", sort keys %h), "\n";
print "foo=$h{FOO}\n";
print "count=", scalar(keys %h), "\n";
print "extra=", (tied %h)->[1], "\n";
my %c = %h;
print join(",", map { "$_=$c{$_}" } sort keys %c), "\n";
$h{foo}++;
$h{bar} .= "x";
print "$h{foo} $h{bar}\n";
print "deleted=", delete $h{foo}, "\n";
print scalar(%h) ? "nonempty\n" : "empty\n";
%h = ();
print scalar(%h) ? "nonempty\n" : "empty\n";
untie %h;
print "untied: ", (tied %h ? "yes" : "no"), "\n";
{
    package Counter;
    my $destroyed = 0;
    sub TIESCALAR { bless [0], shift }
    sub FETCH { $_[0][0]++ }
    sub DESTROY { print "Counter destroyed\n" }
}
{
    tie my $c, 'Counter';
    print "$c $c $c\n";
}
print "end\n";
