use strict; no warnings;
my @s = ("42", " 42 ", "42abc", "abc", "", "0x10", "1e3", "1e", ".5", "-.5e1", "+3", "0 but true",
         "inf", "-Inf", "nan", "infinity", "1_000", "  \t\n12", "3.14.15", "--5", "0e0", "00012", "1e+", "١");
for my $s (@s) {
    my $n = $s + 0;
    printf "%-12s => %s\n", "[$s]", $n;
}
print "0 but true" ? "true\n" : "false\n";
print "0.0" ? "true\n" : "false\n";
print "00" ? "true\n" : "false\n";
print "0" ? "true\n" : "false\n";
print 0.0 ? "true\n" : "false\n";
print "" ? "true\n" : "false\n";
print "0E0" ? "true\n" : "false\n";
my $u; { no warnings; print $u + 1, " [", $u . "x", "]\n"; }
print "10" == 10.0 ? "eq\n" : "ne\n";
print "10" eq 10.0 ? "eq\n" : "ne\n";
print "1.0" eq 1.0 ? "eq\n" : "ne\n";
print "abc" == 0 ? "zero\n" : "nonzero\n";
print "3 apples" * 2, "\n";
print "2" ** "3", " ", "7" % "4", " ", "9" / "3", "\n";
my $x = "5"; $x++; print "$x\n";
$x = "5.5"; $x++; print "$x\n";
$x = "a9"; $x++; print "$x\n";
$x = "Zz"; $x++; print "$x\n";
$x = "zz99"; $x++; print "$x\n";
$x = "a-1"; { no warnings; $x++; } print "$x\n";
$x = ""; $x++; print "$x\n";
$x = undef; $x++; print "$x\n";
$x = undef; $x--; print "$x\n";
$x = "aa"; $x--; print "$x\n";
$x = "-5"; $x++; print "$x\n";
$x = " 5"; $x++; print "$x\n";
my @a = (1,2,3); my $c = @a; print "count $c ", @a + 0, " ", "@a" + 0, "\n";
print "num of list: ", scalar(@a) * 2, "\n";
print 1 + "1e2", " ", "0x1A" + 0, " ", hex("1A"), "\n";
print "10" <=> "9", " ", "10" cmp "9", "\n";
print join(",", sort { $a <=> $b } qw(10 9 100 1.5 -2)), "\n";
print join(",", sort qw(10 9 100 1.5 -2)), "\n";
print "x" x 3, "|", "ab" x 2.7, "|", "ab" x -1, "|", "ab" x 0, "|\n";
print 1 . "", " ", 1.50 . "", " ", -0.0 . "", " ", 1e3 . "", "\n";
my $str = "12"; my $num = $str * 1; print length($num), " ", length(1e10), " ", length(0.5), "\n";
print "numeric string compare: ", ("1e3" == 1000 ? "y" : "n"), ("1e3" eq "1000" ? "y" : "n"), "\n";
print int("  -17.9xyz"), " ", int("+.9"), "\n";
print "inc float: ", 0.1 + 0.7, " ", (0.1+0.7)*10, " ", int((0.1+0.7)*10), "\n";
