# Syntax perl accepts that is easy to miss: DESTROY/AUTOLOAD without `sub`,
# blanks before subscripts, hexadecimal floating literals, indirect object
# calls, a last statement without `;` before __END__.
use strict;
use warnings;

my $d = 0;
{ package Class; DESTROY { ++$d; } AUTOLOAD { our $AUTOLOAD; return "auto:$AUTOLOAD" } }
{ my $o = bless {}, 'Class'; print $o->frob, "\n"; }
print "d=$d\n";

my $t = [5, 6];
my $r = \$t;
my %h = (a => 1);
my @a = (7, 8);
print $$t [1], " ", $$r ->[0], " ", $h {a}, " ", $a [1], " ", ${$r} ->[1], "\n";
print "in a string: $a [1]\n";

printf "%s %s %s %s %.17g %s\n", 0x1.8p1, 0x10p-2, 0x.8p0, 0xA.8P+3, 0x1p-1022, 0x1 . 2;

package Foo {
    sub new { my $c = shift; bless { a => [@_] }, $c }
    sub import { shift; print "import @_\n" }
    sub hello { print "hello $_[1]\n" }
}
my $o = new Foo(1, 2);
print ref($o), " @{$o->{a}}\n";
import Foo;
import Foo 'x', 'y';
my $p = new Foo;
print ref($p), "\n";
hello Foo "w";
my ($g, $e, $s) = (1, 1, "aaa");
print "tr: ", ($g !~ tr/0-9// ? "none" : "digits"), " ", ($s !~ s/a/b/g ? "t" : "f"), " $s\n";
open(FOO, "<", $0) or die;
my @st = stat(FOO);
my @st2 = stat FOO;
print "stat: ", scalar(@st), " ", ($st[7] == -s $0 ? "size ok" : "size differs"), " ", scalar(@st2), "\n";
print "last\n"
__END__
this is not ( perl
