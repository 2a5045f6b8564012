# "Useless use of ... in void context" is a compile-time warning.
use strict;
use warnings;

my $x = 1;
my @a = (1, 2);
$x + 1;
"a string";
5;
$x;
@a;
$x == 2;
$x . "y";
$x ? 1 : 2;
length $x;
1, 2;
sub f { return 1 }
f() + 1;
reverse @a;
[1, 2];
-$x;
"ok" if 0;
1;
print "runtime\n";
{ no warnings 'void'; $x + 2; print "quiet\n"; }
sort @a;
defined $x;
print "end\n";
