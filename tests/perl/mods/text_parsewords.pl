# Text::ParseWords (its /x patterns have $names in comments, not interpolated).
use strict; use warnings;
use Text::ParseWords;
my @w = shellwords(q{foo "bar baz" 'qu ux' a\ b});
print join("|", @w), "\n";
print join("|", quotewords(',', 0, q{a,"b,c",d})), "\n";
print join("|", quotewords(',', 1, q{a,"b,c",d})), "\n";
print join("|", parse_line('\s+', 0, q{x "y z" w})), "\n";
my @n = nested_quotewords(':', 0, "a:b", "c:d"); print scalar(@n), " $n[1][1]\n";
my $s = "abc"; my $v = 'b';
print "m\n" if $s =~ / a # $v here
   $v c /x;
print "cls\n" if "a#b" =~ /a[#]b/x;
