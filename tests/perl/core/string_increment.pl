# Magic string increment and decrement.
use strict;
use warnings;

for my $start (qw(aa Az zz a9 Zz zZ9 a Z z 9 A99 zz99 az09 b00 Aa0 a-1)) {
    my $s = $start;
    my $was = $s;
    no warnings 'numeric';
    $s++;
    print "$was++ -> $s\n";
}
my $v = "aa";
my @seq;
push @seq, $v++ for 1 .. 5;
print "seq: @seq now $v\n";
my $w = "Zz";
my $p1 = ++$w;
my $p2 = ++$w;
print "pre: $p1 $p2\n";
my $d = "aa";
{
    no warnings 'numeric';
    $d--;
}
print "decrement aa: $d\n";
my $u;
{
    no warnings;
    $u++;
}
print "undef++: $u\n";
my $e = "";
$e++;
print "empty++: $e\n";
my $n = 9.5;
$n++;
print "float++: $n\n";
my $big = 9223372036854775807;
$big++;
print "maxint++: $big\n";
my $neg = -9223372036854775808;
{
    no warnings;
    $neg--;
}
print "minint--: $neg\n";
my $z = "zzz";
$z++;
print "zzz++: $z len ", length($z), "\n";
my $mixed = "a9z";
$mixed++;
print "a9z++: $mixed\n";
