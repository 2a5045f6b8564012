# String <-> number conversions, numeric strings, looks_like_number-ish cases.
use strict;
no warnings;

print "10+10: ", "10" + "10", "\n";
print "10.10: ", "10" . "10", "\n";
print "3abc+1: ", "3abc" + 1, "\n";
print "abc+1: ", "abc" + 1, "\n";
print "empty+0: ", "" + 0, "\n";
print "undef+0: ", undef() + 0, "\n";
print "space: ", " 12 " + 0, " ", "\t\n 7" + 1, "\n";
print "float str: ", "1.5e3" + 0, " ", ".5" + 0, " ", "5." + 0, " ", "-.5e-1" + 0, "\n";
print "hex str: ", "0x10" + 0, " ", "0b11" + 0, " ", "017" + 0, "\n";
print "plus sign: ", "+42" + 0, " ", "++42" + 0, " ", "-+42" + 0, "\n";
print "underscore: ", "1_000" + 0, " ", 1_000 + 0, "\n";
print "inf/nan strings: ", "nan" + 0 == "nan" + 0 ? "eq" : "ne", "\n";
print "big str: ", "12345678901234567890" + 0, " ", "123456789012345678" + 0, "\n";
print "neg zero: ", "-0" + 0, " ", "-0.0" + 0, " ", -0.0 * 1, "\n";
print "num eq: ", ("1.0" == 1 ? "y" : "n"), " str eq: ", ("1.0" eq 1 ? "y" : "n"), "\n";
print "cmp: ", "10" <=> "9", " ", "10" cmp "9", " ", "abc" <=> "abd", "\n";
print "mult: ", "3" * "4", " ", "3.5" * 2, " ", "2" ** "10", "\n";
print "numify then stringify: ", "007" + 0, " ", "1.50" + 0, " ", "1e2" * 1, "\n";
print "string repeat num: ", "5" x 3, " ", 5 x 3, "\n";
print "num to str concat: ", 1.0 . "", " ", 1.10 . "", " ", 0.5 . "", " ", 1e3 . "", "\n";
print "incr str num: ";
my $s = "9";  $s++; print "$s ";
$s = "09";    $s++; print "$s ";
$s = "1.5";   $s++; print "$s ";
$s = "-3";    $s++; print "$s ";
$s = " 5";    $s++; print "$s\n";
my @n = ("1", "01", "1.0", "1e0", " 1", "1 ", "0x1", "1abc", "abc", "", "0 but true", "0E0", "00");
for my $v (@n) {
    my $num = $v + 0;
    my $t = $v ? "true" : "false";
    print "'$v' -> $num ($t)\n";
}
print "int('42abc'): ", int("42abc"), "\n";
print "length(10/3): ", length(10 / 3), "\n";
print "sprintf %d of str: ", sprintf("%d", "3.99"), " ", sprintf("%d", "-3.99"), " ", sprintf("%d", "1e3"), "\n";
print "defined-or: ", (undef // "dflt"), " ", (0 // "dflt"), " ", ("" // "dflt"), "\n";
print "bools: [", !!1, "] [", !!0, "] [", !1, "] [", defined(!1) ? "def" : "undef", "] [", (!1) + 0, "]\n";
print "numeric ops on bools: ", (1 == 1) + 10, " ", (1 == 2) . "x", "\n";
