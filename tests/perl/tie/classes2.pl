# tie: an ordered hash class (FIRSTKEY/NEXTKEY/SCALAR), counters, a tied handle as the selected output, Tie::StdArray subclass with sort/map/splice
use strict; use warnings;
package OrderedHash;
sub TIEHASH { bless { k => [], h => {} }, shift }
sub STORE { my ($s, $k, $v) = @_; push @{$s->{k}}, $k unless exists $s->{h}{$k}; $s->{h}{$k} = $v }
sub FETCH { $_[0]{h}{$_[1]} }
sub EXISTS { exists $_[0]{h}{$_[1]} }
sub DELETE { my ($s, $k) = @_; @{$s->{k}} = grep { $_ ne $k } @{$s->{k}}; delete $s->{h}{$k} }
sub CLEAR { my $s = shift; $s->{k} = []; $s->{h} = {} }
sub FIRSTKEY { $_[0]{i} = 0; $_[0]{k}[0] }
sub NEXTKEY { $_[0]{k}[++$_[0]{i}] }
sub SCALAR { scalar @{$_[0]{k}} }
package main;
tie my %oh, 'OrderedHash';
$oh{$_} = length $_ for qw(zebra apple mango kiwi);
print join(",", keys %oh), "\n";
print join(",", map { "$_=$oh{$_}" } keys %oh), "\n";
delete $oh{apple}; print join(",", keys %oh), " n=", scalar(%oh), "\n";
while (my ($k, $v) = each %oh) { print "$k->$v;" } print "\n";
my %copy = %oh; print join(",", sort keys %copy), "\n";
print exists $oh{kiwi} ? "has kiwi\n" : "no kiwi\n";
$oh{mango} += 10; print "mango=$oh{mango}\n";
my @vals = @oh{qw(zebra kiwi)}; print "@vals\n";
%oh = (); print "cleared: ", scalar(keys %oh), "\n";
package Ctr; sub TIESCALAR { my $x = $_[1]; bless \$x } sub FETCH { ${$_[0]}++ } sub STORE { ${$_[0]} = $_[1] }
package main;
tie my $c, 'Ctr', 10; print "$c $c $c\n"; $c = 0; print $c + $c, "\n";
package UpperOut; sub TIEHANDLE { my $b = ''; bless \$b } sub PRINT { my $s = shift; $$s .= uc join '', @_; 1 } sub PRINTF { my $s = shift; $$s .= uc sprintf shift, @_; 1 }
package main;
tie *CAP, 'UpperOut'; my $old = select(CAP); print "hello "; printf "%s!", "world"; select($old);
print "captured: ${ tied(*CAP) }\n";
package RevArr; use Tie::Array; our @ISA = ('Tie::StdArray'); sub FETCH { my ($s, $i) = @_; scalar reverse $s->[$i] }
package main;
tie my @ra, 'RevArr'; @ra = qw(abc def); push @ra, 'ghi'; print "@ra | $ra[-1] | ", scalar(@ra), " | @ra[0,1]\n";
my @sorted = sort @ra; print "@sorted\n"; print join(",", map { uc } @ra), "\n"; print "last: $#ra\n";
splice(@ra, 1, 1); print "@ra\n";
