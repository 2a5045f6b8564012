# overload: nomethod (binary, sqrt), copy constructor = before ++ on a shared object, 0+/bool/"" conversions, <=> and cmp in sort, fallback rules, overload::Method/StrVal/Overloaded
use strict; use warnings;
package Num; use overload '+' => \&plus, '-' => \&minus, '*' => sub { Num->new($_[0]->v * (ref $_[1] ? $_[1]->v : $_[1])) },
  '""' => sub { "Num(" . $_[0]->v . ")" }, '0+' => sub { $_[0]->v }, 'bool' => sub { $_[0]->v != 0 }, '<=>' => sub { my ($a, $b, $s) = @_; my $r = (ref $a ? $a->v : $a) <=> (ref $b ? $b->v : $b); $s ? -$r : $r },
  '=' => sub { Num->new($_[0]->v) }, '++' => sub { $_[0]{v}++; $_[0] }, 'nomethod' => sub { "nomethod($_[3])" }, '.' => sub { my ($a,$b,$s)=@_; $s ? "$b<$a->{v}>" : "<$a->{v}>$b" };
sub new { bless { v => $_[1] }, $_[0] } sub v { $_[0]{v} }
sub plus { my ($a, $b) = @_; Num->new($a->v + (ref $b ? $b->v : $b)) }
sub minus { my ($a, $b, $swap) = @_; my $bv = ref $b ? $b->v : $b; Num->new($swap ? $bv - $a->v : $a->v - $bv) }
package main;
my $x = Num->new(5); my $y = Num->new(3);
print $x + $y, " ", $x - 1, " ", 10 - $x, " ", $x * $y, " ", $x * 2, "\n";
print "sorted: ", join(" ", sort { $a <=> $b } Num->new(3), Num->new(1), Num->new(2)), "\n";
print "lt\n" if $y < $x; print "eq\n" if $x == 5; print "num: ", $x + 0.5, " sqrt ", sqrt(Num->new(16)), "\n";
my $z = $x; $z++; print "z=", $z->v, " x=", $x->v, "\n";
print "concat: " . $x . "|" . "pre" . $x, "\n";
print "nomethod: ", $x % 2, "\n";
print "bool\n" if Num->new(0) ? 0 : 1;
my $s = "$x"; print "str: $s, len ", length($x), "\n";
package Cmp; use overload 'cmp' => sub { my ($a, $b, $s) = @_; ($s ? -1 : 1) * (lc "$a->[0]" cmp lc(ref $b ? $b->[0] : $b)) }, '""' => sub { $_[0][0] };
package main;
my @w = sort { $a cmp $b } map { bless [$_], 'Cmp' } qw(pear Apple fig); print "@w\n";
print "eq via cmp\n" if (bless ['X'], 'Cmp') eq 'x';
package Fb; use overload '""' => sub { 'fb' }, fallback => 1; package main;
my $fb = bless {}, 'Fb'; print $fb . "!", " ", ($fb eq 'fb' ? 'eq' : 'ne'), " ", length($fb), "\n";
package NoFb; use overload '""' => sub { '7' }, fallback => 0; package main;
my $nf = bless {}, 'NoFb'; my $r = eval { $nf + 1 }; print defined $r ? "r=$r\n" : "err: " . ($@ =~ /no method found/ ? "no method\n" : $@);
print overload::Overloaded($x) ? "overloaded\n" : "plain\n"; print overload::Method($x, '+') == \&Num::plus ? "method ok\n" : "method bad\n";
print overload::StrVal($x) =~ /^Num=HASH\(0x[0-9a-f]+\)$/ ? "strval ok\n" : "strval bad\n";
