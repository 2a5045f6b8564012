# die/eval: messages, line suffixes, $@, nesting, eval returning values.
use strict;
use warnings;

eval { die "with newline\n" };
print "1: [$@]\n";
eval { die "no newline" };
print "2: [$@]\n";
eval { die "multi\nline" };
print "3: [$@]\n";
my $r = eval { 42 };
print "4: r=$r \$\@=[", $@, "] defined: ", (defined $@ ? 1 : 0), "\n";
my @l = eval { (1, 2, 3) };
print "5: list from eval: @l\n";
sub three { return (4, 5, 6) }
my $s = eval { three() };
print "6: scalar from eval: $s\n";
$r = eval { die "x\n"; 1 };
print "7: failed eval returns ", defined $r ? "defined" : "undef", "\n";
@l = eval { die "x\n" };
print "8: failed eval in list: ", scalar(@l), "\n";
eval { eval { die "inner\n" }; print "9: inner caught: $@"; die "outer\n" };
print "10: outer: $@";
eval { eval { die "inner2\n" }; 1 };
print "11: after inner eval succeeded outer: [$@]\n";
my $ok = eval { die { code => 42, msg => "hash error" } };
print "12: die with hashref: ", ref($@), " $@->{code} $@->{msg}\n";
eval { die [1, 2, 3] };
print "13: die with arrayref: @{$@}\n";
eval { die "a", "b", "c", "\n" };
print "14: die with list: $@";
eval { die };
print "15: empty die: $@";
eval { $@ = "previous\n"; die };
print "16: die with \$\@ set: $@";
eval { my $x = 1 / 0 };
print "17: division: $@";
eval { my @a = (1); my $x = $a[0]->{key} };
print "18: not a ref: $@";
eval { undefined_function(42) };
print "19: undefined sub: $@";
eval { my $obj; $obj->method };
print "20: method on undef: $@";
eval { Nope->new };
print "21: missing package: $@";
eval { my $h = {}; $h->foo };
print "22: unblessed: $@";
eval { my $x = "str"; my @y = @$x };
print "23: strict refs: $@";
# eval or do
eval { die "failed\n"; 1 } or do { print "24: handled: $@" };
# eval string
my $v = eval "2 + 3 * 4";
print "25: eval string: $v\n";
$v = eval "1 + ;";
print "26: syntax error: ", ($@ =~ /^syntax error/ ? "syntax error" : $@), "\n";
$v = eval "die 'from string eval'";
print "27: ", $@ =~ s/\(eval \d+\)/(eval N)/r, "\n";
# die object with methods
package MyErr { sub new { my ($c, %a) = @_; bless {%a}, $c } sub msg { $_[0]{msg} } sub throw { my $c = shift; die $c->new(@_) } }
eval { MyErr->throw(msg => "custom") };
if (ref $@ && $@->isa('MyErr')) { print "28: caught MyErr: ", $@->msg, "\n" }
# rethrow
eval { eval { die "orig\n" }; die "re: $@" if $@ };
print "29: $@";
# $@ cleared at eval entry
$@ = "stale";
eval { 1 };
print "30: cleared: [$@]\n";
# local $@
sub safe { local $@; eval { die "hidden\n" }; return "safe" }
eval { die "visible\n" };
my $x = safe();
print "31: local \$\@ keeps: $@";
# die in sort block, map
my @out = eval { map { die "in map at $_\n" if $_ == 3; $_ } 1 .. 5 };
print "32: $@";
# return value of eval block with return
sub f { my $r = eval { return "from eval"; "not" }; return "f got $r" }
print "33: ", f(), "\n";
# last inside eval exits loop (warning: Exiting eval via last)
my $n = 0;
for (1 .. 3) { $n++; eval { 1 }; }
print "34: $n\n";
# __LINE__ and __FILE__
print "35: ", __LINE__, " ", __FILE__, "\n";
eval { die sprintf("at line %d\n", __LINE__) };
print "36: $@";
# die with number
eval { die 42 };
print "37: $@";
# nested data in error, stringification of hash error not printed
eval { die { list => [1, 2] } };
print "38: ", scalar(@{ $@->{list} }), "\n";
