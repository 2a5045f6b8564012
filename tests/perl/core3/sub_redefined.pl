# "Subroutine %s redefined" (compile time, string eval, glob assignment, constants)
use warnings;
sub f { 1 }
sub f { 2 }
print f(), "\n";
{ no warnings "redefine"; eval "sub f { 3 }"; }
print f(), "\n";
eval "sub f { 4 }"; print f(), "\n";
*f = sub { 5 }; print f(), "\n";
use constant X => 1; eval "sub X { 2 }";
sub f {
 1
}
sub f
{
 2;
 3
}
sub g { 1 } { no warnings; sub g { 2 } }
sub h { 1 }
{ no warnings "redefine"; sub h { 2 } }
eval "\n\nsub f {\n 4\n}\n";
local $SIG{__WARN__} = sub { print "W: $_[0]" };
eval "sub g { 9 }";
{ no warnings 'redefine'; *g = sub { 10 }; }
*g = sub { 11 };
print g(), "\n";
package Foo; sub m1 { 1 } eval 'sub m1 { 2 }'; print m1(), "\n";
