# "Argument isn't numeric" texts quote the value and name the operator.
use strict;
use warnings;

my @vals = ("3abc", "abc", "", " 12 ", "1e3x", "0x1A", "12\n", "1_000", ".5.", "--5", "+7", "inf", "nan", "Infinity", "0 but true", " ");
for my $v (@vals) {
    my $n = $v + 0;
    print "[", ($v =~ s/\n/\\n/r), "] -> $n\n";
}
my $t = "5 apples";
my $r = $t * 2;
print "r=$r\n";
$r = $t - 1;
$r = $t / 1;
$r = $t ** 1;
$r = $t % 3;
print "mod=$r\n";
$r = $t == 5 ? "yes" : "no";
print "eq=$r\n";
$r = $t <=> 4;
$r = "x" < 1;
$r = abs("12abc");
$r = int("3.7xyz");
print "int=$r\n";
$r = sqrt("4four");
print "sqrt=$r\n";
my $u = "10 items";
$u++;
print "u=$u\n";
my $d = "7 days";
$d--;
print "d=$d\n";
my $e = "2 things";
$e += 3;
print "e=$e\n";
my @a = (1, 2, 3);
my $idx = "1st";
print "elem: $a[$idx]\n";
my @s = sort { $a <=> $b } ("10", "9x", "2");
print "sorted: @s\n";
my $neg = -"foo";
print "neg=$neg\n";
my $neg2 = -"-bar";
print "neg2=$neg2\n";
my $long = "this is a pretty long string that does not look like a number at all" + 1;
print "long=$long\n";
print "chr: ", chr("65x"), "\n";
printf "%d %.1f\n", "42abc", "2.5z";
