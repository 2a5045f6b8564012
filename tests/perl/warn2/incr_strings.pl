# Magic string increment and numeric-string corners.
use strict;
use warnings;

for my $s ("a9", "Zz", "zz", "a", "Az", "zZ9", "9", "99", "a99", "09", "0", "-1", "1.5", "", "ab-c", " 1", "1e2", "0x9", "A", "z", "Zz99") {
    my $v = $s;
    $v++;
    print "'$s'++ = '$v'\n";
}
my $u;
$u++;
print "undef++ = $u\n";
my $d;
$d--;
print "undef-- = $d\n";
my $m = "aa";
$m--;
print "'aa'-- = $m\n";
my $f = 1.5;
$f++;
print "1.5++ = $f\n";
my $big = 9223372036854775807;
$big++;
print "max++ = $big\n";
my $nbig = -9223372036854775808;
$nbig--;
print "min-- = $nbig\n";
my $pre = "az";
print "pre: ", ++$pre, " post: ", $pre++, " now: $pre\n";
my $t = "0 but true";
print "0 but true: ", $t + 5, " ", ($t ? "true" : "false"), "\n";
my $z = "00";
print "'00' is ", ($z ? "true" : "false"), ", '0.0' is ", ("0.0" ? "true" : "false"), ", '0' is ", ("0" ? "true" : "false"), "\n";
my $e = "0E0";
print "0E0: ", $e + 0, " ", ($e ? "true" : "false"), "\n";
my $ref = "Az";
$ref++ for 1 .. 30;
print "Az+30 = $ref\n";
my $n = "9.9";
$n++;
print "'9.9'++ = $n\n";
