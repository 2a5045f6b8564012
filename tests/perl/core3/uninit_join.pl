# "Use of uninitialized value" warnings from join and array interpolation
use strict; use warnings;
$SIG{__WARN__} = sub { print "W: $_[0]" };
my @s = (undef, 1);
print "@s[0,1]\n";
print "@s\n";
my %h = (a => undef, b => 2);
my $r = \@s;
print "@$r\n";
print "@{$r}[0]\n";
print join(",", @s), "\n";
our @g = (1, undef);
print "@g\n";
print join("-", @g, undef, @s), "\n";
print join("-", undef), "|\n";
print join(undef, 1, 2), "|\n";
print "x@s[-2,-1]y\n";
sub f { print "@_\n" } f(undef, 1);
my @e = (1, undef, 3);
my $str = "@e[0..2]";
my $s2 = "<@e>";
print "$str$s2\n";
{ no warnings 'uninitialized'; print "@e\n"; }
