# split: trailing empty fields from zero-width matches with a limit
print join("|", split //, "abc", -1), "\n";
print join("|", split //, "abc", 10), "\n";
print join("|", split //, "abc", 2), "\n";
print join("|", split /x*/, "abc", -1), "\n";
print join("|", split /(?:)/, "ab", -1), "\n";
print join("|", split /b*/, "abbc", -1), "\n";
print join("|", split /,/, "a,b,", -1), "\n";
print join("|", split /(,)/, "a,b,", -1), "\n";
print join("|", split //, "", -1), "|\n";
print join("|", split /^/m, "a\nb\n", -1), "\n";
print join("|", split /$/, "a\nb", -1), "\n";
print scalar(my @x = split //, "abc", -1), "\n";
my ($a1, $b1, $c1) = split //, "xyz"; print "$a1$b1$c1\n";
print join("|", split /(?=c)/, "abcabc", -1), "\n";
print join("|", split /\b/, "hi there", -1), "\n";
print join("|", split //, "ab", 1), "\n";
{ use warnings; local $SIG{__WARN__} = sub { print "W: $_[0]" }; print length(chr(-1)), "\n"; }
