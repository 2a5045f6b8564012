# The order DESTROY runs in: scope exit, sub return, last statement of a
# block, loops, AUTOLOAD standing in for DESTROY, global destruction.
package Obj;
sub new { my ($c, $n) = @_; print "new $n\n"; bless { n => $n }, $c }
sub DESTROY { print "DESTROY $_[0]{n}\n" }

package Auto;
our $AUTOLOAD;
sub new { bless { n => $_[1] }, $_[0] }
sub AUTOLOAD { my $s = shift; print "AUTOLOAD $AUTOLOAD ($s->{n})\n"; }

package main;

print "-- bare block, last statement keeps its temporary\n";
{ my $a = Obj->new("a"); my $b = Obj->new("b"); }
print "-- three\n";
{ my $a = Obj->new("a"); my $b = Obj->new("b"); my $c = Obj->new("c"); }
print "-- last statement is not an assignment\n";
{ my $a = Obj->new("a"); my $b = Obj->new("b"); print "body\n"; }
print "-- copy from a variable\n";
{ my $a = Obj->new("a"); my $b = $a; }
print "-- if block\n";
if (1) { my $p = Obj->new("p"); my $q = Obj->new("q"); }
print "-- loop bodies release latest first\n";
for my $i (1 .. 2) { my $x = Obj->new("x$i"); my $y = Obj->new("y$i"); }
print "-- sub\n";
sub f { my $a = Obj->new("fa"); my $b = Obj->new("fb"); return 42 }
print "f returned ", f(), "\n";
sub g { my $o = Obj->new("g"); $o->{n} }
print "g returned ", g(), "\n";
sub h { my $o = Obj->new("h"); return $o }
my $kept = h();
print "h kept $kept->{n}\n";
undef $kept;
print "-- array elements go last to first\n";
{ my @objs = map { Obj->new("e$_") } 1 .. 3; print "array made\n"; }
print "-- hash delete and reassign\n";
my %h = (k => Obj->new("hk"));
delete $h{k};
my $r = Obj->new("r1");
$r = Obj->new("r2");
print "-- die unwinds\n";
eval { my $o = Obj->new("in eval"); die "oops\n" };
print "caught $@";
sub dies { my $o = Obj->new("in sub"); die "from sub\n" }
eval { dies() };
print "caught $@";
print "-- AUTOLOAD gets DESTROY\n";
{ my $x = Auto->new("auto1"); }
print "-- program end\n";
our $global = Obj->new("global");
my $file_lexical = Obj->new("file lexical");
END { print "END block\n" }
print "last statement\n";
