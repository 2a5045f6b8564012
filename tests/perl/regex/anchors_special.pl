# Anchors ^ $ \A \z \Z with and without /m; special match variables.
use strict;
use warnings;

my $s = "first line\nsecond line\nthird line\n";
my @m1 = $s =~ /^(\w+)/g;
my @m2 = $s =~ /^(\w+)/mg;
print "^ without m: @m1; with m: @m2\n";
my @e1 = $s =~ /(\w+)$/g;
my @e2 = $s =~ /(\w+)$/mg;
print "\$ without m: @e1; with m: @e2\n";
print "\\A: ", join(",", $s =~ /\A(\w+)/mg), "\n";
print "\\z matches at very end: ", ($s =~ /line\n\z/ ? 1 : 0), ($s =~ /line\z/ ? 1 : 0), "\n";
print "\\Z before final newline: ", ($s =~ /line\Z/ ? 1 : 0), "\n";
print "\$ before final newline: ", ("abc\n" =~ /c$/ ? 1 : 0), " two newlines: ", ("abc\n\n" =~ /c$/ ? 1 : 0), "\n";
print "empty string anchors: ", ("" =~ /^$/ ? 1 : 0), ("\n" =~ /^$/ ? 1 : 0), ("\n" =~ /\A\z/ ? 1 : 0), "\n";
my $count = () = "a\n\nb\n" =~ /^$/mg;
print "empty lines with /m: $count\n";
# dot and newline with /s and /m combined
my $text = "start\nmiddle\nend";
my ($greedy) = $text =~ /^(.*)$/m;
my ($all) = $text =~ /^(.*)$/s;
print "m only: $greedy; s only length: ", length($all), "\n";
# special variables
"hello world" =~ /o w/;
print "prematch [$`] match [$&] postmatch [$']\n";
"abcdef" =~ /b(c)(d)?(x)?/;
print "\$+ is last matched group: ", defined $+ ? $+ : "undef", "; \$^N: $^N\n";
print "\@- and \@+ with unmatched: ", join(",", map { $_ // "u" } @-), " / ", join(",", map { $_ // "u" } @+), "\n";
"xyz" =~ /y/;
print "offsets via \@-: $-[0] $+[0]\n";
print "substr via offsets: ", substr("xyz", $-[0], $+[0] - $-[0]), "\n";
# captures are dynamically scoped
if ("outer" =~ /(out)/) {
    {
        if ("inner" =~ /(inn)/) { print "inner \$1: $1\n" }
    }
    print "outer \$1 restored: $1\n";
}
sub inner_match { "zzz" =~ /(z+)/; return $1 }
if ("abc" =~ /(b)/) {
    my $r = inner_match();
    print "after sub call: \$1=$1 sub returned $r\n";
}
# match in list context returns 1 when no groups
my @r = "abc" =~ /b/;
print "no-group list match: @r\n";
my @f = "abc" =~ /x/;
print "failed list match count: ", scalar(@f), "\n";
# multiline anchors with /gm and substitution
(my $indented = "a\nb\nc") =~ s/^/    /gm;
print "indented:\n$indented\n";
(my $ends = "a \nb  \nc") =~ s/ +$//gm;
print "trailing spaces removed: ", join("|", split /\n/, $ends), "\n";
# \b at string edges
print "edges: ", join(",", "word" =~ /\b(\w)/g), " ", join(",", " word " =~ /(\w)\b/g), "\n";
# case-insensitive and unicode-free ranges
print "ci class: ", join("", "aBcD" =~ /([a-c])/gi), "\n";
