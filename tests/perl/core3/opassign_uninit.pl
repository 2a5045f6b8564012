# assignment operators on undef: which warn (once, naming the variable)
use strict; use warnings;
$SIG{__WARN__} = sub { print "W: $_[0]" };
my $u1; $u1 *= 2; print "$u1\n";
my $u2; $u2 /= 2; print "$u2\n";
my $u3; $u3 **= 2; print "$u3\n";
my $u4; $u4 %= 2; print "$u4\n";
my $u5; $u5 &= 2; print "$u5\n";
my $u6; $u6 ^= 2; print "$u6\n";
my $u7; $u7 <<= 2; print "$u7\n";
my $u8; $u8 >>= 2; print "$u8\n";
my $u9; $u9 x= 2; print "[$u9]\n";
my $v1; $v1 += 2; my $v2; $v2 -= 2; my $v3; $v3 .= "a"; my $v4; $v4 |= 4;
my $v5; $v5 ||= 5; my $v6; $v6 //= 6; my $v7; $v7 &&= 7; my $v8; $v8++; my $v9; $v9--;
print join(",", $v1, $v2, $v3, $v4, $v5, $v6, defined $v7 ? 'd' : 'u', $v8, $v9), "\n";
our $g; $g *= 3; print "$g\n";
my %h; $h{x} *= 2; $h{y} -= 1; print join(",", map { "$_=$h{$_}" } sort keys %h), "\n";
my @a; $a[2] /= 5; print scalar(@a), "\n";
sub f { my $u; $u *= 2; $u } print f(), "\n";
