# tie: scalars, arrays and hashes with every method call traced
package Counter;
sub TIESCALAR { my ($c, $v) = @_; print "TIESCALAR $v\n"; return bless { v => $v, n => 0 }, $c }
sub FETCH { my $s = shift; $s->{n}++; print "FETCH\n"; return $s->{v} }
sub STORE { my ($s, $v) = @_; print "STORE $v\n"; $s->{v} = $v * 2 }
sub DESTROY { print "DESTROY\n" }
package main;
my $x;
my $o = tie $x, 'Counter', 5;
print "x=$x\n";
$x = 7;
print "x=$x\n";
$x++;
print "x=$x\n";
$x .= "a";
print "x=$x\n";
print "n=", tied($x)->{n}, "\n";
undef $o;
untie $x;
print "after untie: $x\n";

package TA;
sub TIEARRAY { my $c = shift; print "TIEARRAY @_\n"; bless { a => [] }, $c }
sub FETCH { my ($s,$i)=@_; print "FETCH $i\n"; $s->{a}[$i] }
sub STORE { my ($s,$i,$v)=@_; print "STORE $i $v\n"; $s->{a}[$i] = $v }
sub FETCHSIZE { my $s=shift; print "FETCHSIZE\n"; scalar @{$s->{a}} }
sub STORESIZE { my ($s,$n)=@_; print "STORESIZE $n\n"; $#{$s->{a}} = $n-1 }
sub CLEAR { print "CLEAR\n"; @{$_[0]{a}} = () }
sub PUSH { my $s=shift; print "PUSH @_\n"; push @{$s->{a}}, @_ }
sub POP { print "POP\n"; pop @{$_[0]{a}} }
sub SHIFT { print "SHIFT\n"; shift @{$_[0]{a}} }
sub EXTEND { print "EXTEND $_[1]\n" }
package main;
my @a;
tie @a, 'TA', 1, 2;
@a = (1,2,3);
print "a1=$a[1]\n";
$a[3] = 9;
push @a, 10, 11;
print "size=", scalar(@a), "\n";
print "last=$a[-1]\n";
print "all=@a\n";
my $p = pop @a; print "popped $p\n";
my $s = shift @a; print "shifted $s\n";
print "join=", join(",", @a), "\n";
for my $e (@a) { print "e=$e\n" }
untie @a;

package TH;
require Tie::Hash;
our @ISA = ('Tie::StdHash');
sub STORE { print "STORE $_[1]\n"; $_[0]{$_[1]} = $_[2] }
package main;
my %h;
tie %h, 'TH';
$h{a} = 1; $h{b} = 2;
print join(",", sort keys %h), "\n";
print exists $h{a} ? "yes\n" : "no\n";
delete $h{a};
print join(",", map {"$_=$h{$_}"} sort keys %h), "\n";
%h = (x => 1, y => 2);
print scalar(keys %h), "\n";
my @e; while (my ($k, $v) = each %h) { push @e, "$k=$v" } print "each: @{[sort @e]}\n";
print tied(%h) ? "tied\n" : "not\n";
