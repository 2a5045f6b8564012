# uninitialized warnings: missing elements among several candidate operands go unnamed
use warnings;
my @a = (1); my %h; my $u;
my $s = "$h{a}$h{b}"; $s = "$a[3]-$a[4]"; $s = "$u$a[5]"; $s = $a[3] . "x"; $s = $h{a} . $u;
$s = $a[3] == $a[4]; $s = $a[2] * 2; $s = $h{q} lt $h{r};
my @b = (undef, undef); $s = $b[0] + $b[1]; $s = "$b[0]$b[1]";
my $x = $a[9] + 1; $x = 2 * $h{zz}; $x = $u - $a[7]; $x = $a[0] + $a[8];
print "done\n";
