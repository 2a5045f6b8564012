# substr: offsets, lengths, negative values, 4-arg, lvalue.
use strict;
use warnings;

my $s = "Hello, World";
print "1: ", substr($s, 0, 5), "|", substr($s, 7), "|", substr($s, -5), "|", substr($s, -5, 2), "|", substr($s, 3, -3), "|", substr($s, -8, -6), "\n";
print "2: [", substr($s, 12), "] [", substr($s, 5, 0), "] [", substr($s, 0, 100), "]\n";
{
    no warnings 'substr';
    my $out = substr($s, 20);
    print "3: past end is ", defined $out ? "defined" : "undef", "\n";
}
my $t = "Hello, World";
my $removed = substr($t, 0, 5, "Howdy");
print "4: $t (removed $removed)\n";
substr($t, 0, 5, "");
print "5: $t\n";
substr($t, 0, 0, ">>");
print "6: $t\n";
substr($t, -1, 1, "D!");
print "7: $t\n";
my $u = "abcdef";
substr($u, 2, 2) = "XYZ";
print "8: $u\n";
substr($u, -1) = "";
print "9: $u\n";
substr($u, 0, 1) =~ s/a/AAA/;
print "10: $u\n";
my $ref = \substr($u, 1, 2);
$$ref = "__";
print "11: $u\n";
my $v = "0123456789";
substr($v, 2, 3) .= "+";
print "12: $v\n";
for my $w (substr($v, 0, 2)) { $w = "ab" }
print "13: $v\n";
# lvalue substr with 4-arg-like growth
my $g = "short";
substr($g, length($g)) = " and long";
print "14: $g\n";
# substr with unicode characters
my $uni = "caf\x{e9} na\x{ef}ve";
print "15: ", length($uni), " ", ord(substr($uni, 3, 1)), " ", (substr($uni, 5) =~ s/[^\x00-\x7f]/?/gr), "\n";
# extracting fixed-width fields
my $rec = "John      Smith     042";
my ($first, $last, $age) = (substr($rec, 0, 10), substr($rec, 10, 10), substr($rec, 20));
s/\s+$// for $first, $last;
print "16: [$first] [$last] [", $age + 0, "]\n";
# substr in loops (char by char)
my $word = "perl";
my @chars = map { substr($word, $_, 1) } 0 .. length($word) - 1;
print "17: @chars\n";
# replacing in a loop from end
my $num = "1234567";
for (my $i = length($num) - 3; $i > 0; $i -= 3) { substr($num, $i, 0, ",") }
print "18: $num\n";
# negative length beyond start
print "19: [", substr("abc", 1, -5), "]\n";
# 4-arg substr return and original
my $orig = "keep";
my $copy = $orig;
my $ret = substr($copy, 1, 2, "EE");
print "20: $orig $copy $ret\n";
