# Uninitialized-value warnings name the variable perl can see statically.
use strict;
use warnings;

my $x;
my @a = (1, 2);
my %h = (a => 1);
our $g;
our @ga;
our %gh;

print "1: ", $x, "\n";
my $s = "val=$x";
$s = $a[3] . "z";
$s = "k=" . $h{"nokey"};
$s = $h{missing} . "";
$s = $g . "g";
$s = $ga[2] . "ga";
$s = $gh{zz} . "gh";
my $i = 5;
$s = $a[$i] . "idx";
my $k = "kk";
$s = $h{$k} . "hk";
my $n = $x + 1;
$n = 3 * $x;
$n = $x - $a[7];
$n = -$x;
$s = $x x 3;
$s = "a" x $x;
$s .= $x;
my $y;
$y .= "ok";
print "y=$y\n";
my $z;
$z++;
$z += 1;
print "z=$z\n";
my $w;
$w = $w + 1;
print "w=$w\n";
$s = join(",", 1, $x, 2);
$s = sprintf("%s-%d", $x, $x);
$s = lc $x;
$s = uc($x);
$s = length($x);
print "length undef is ", defined($s) ? "defined" : "undef", "\n";
$s = substr($x, 0, 1);
if ($x == 1) { print "eq\n" }
if ($x eq "a") { print "eq\n" }
if ($x < 2) { print "lt\n" }
my @arr = (1, 2, 3);
$s = $arr[$x];
my %hh;
$hh{$x} = 1;
print "keys: ", join(",", map { "[$_]" } keys %hh), "\n";
if ($x =~ /a/) { print "match\n" }
$s = $x;
$s =~ s/a/b/;
print "chained: ", $x . $x, "\n";
my $ref = { list => [1] };
$s = $ref->{nope} . "r";
$s = $ref->{list}[5] . "r";
print "done\n";
