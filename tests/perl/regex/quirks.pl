# Less common but real regex behaviours.
use strict;
use warnings;

# empty pattern reuses the last successful pattern
"abc" =~ /b/;
(my $e = "abcb") =~ s//-/g;
print "empty pattern reuses last: $e\n";
# split with a single space string vs / /
print "split ' ': ", join("|", split(' ', "  a  b ")), "\n";
print "split / /: ", join("|", split(/ /, "  a  b ")), "\n";
# split /^/ implies /m
print "split /^/: ", scalar(my @l = split(/^/, "a\nb\nc\n")), "\n";
# m?? matches only once until reset
my @once;
for (1 .. 3) { push @once, "match" if "x" =~ m?x? }
print "m?? : ", scalar(@once), "\n";
# regex special var $& and friends after failed match keep old values
"first" =~ /ir/;
"second" =~ /zz/;
print "after failed: $&\n";
# /o and interpolation
my @out;
for my $p (qw(a b)) { push @out, ("ab" =~ /$p/ ? "$p:y" : "$p:n") }
print "interpolated per iteration: @out\n";
# tr returns count in list
my $n = (my $s = "hello") =~ tr/l/L/;
print "tr count: $n $s\n";
# substitution on a list of aliases via for
my @a = ("a1", "b2");
s/\d/#/ for @a;
print "aliases: @a\n";
# regex with embedded code-free modifiers (?i) (?-i)
print "inline modifiers: ", join(",", "AbC" =~ /((?i)a)(b)((?i:c))/ ? ($1, $2, $3) : ("no")), "\n";
print "inline off: ", ("AB" =~ /(?i)a(?-i)b/ ? "match" : "no"), "\n";
# \K keeps left part
(my $k = "foo=bar") =~ s/foo=\K.*/baz/;
print "\\K: $k\n";
# /x with escaped space and character class spaces
print "/x spaces: ", ("a b" =~ /a\ b/x ? 1 : 0), ("a b" =~ /a[ ]b/x ? 1 : 0), ("ab" =~ /a b/x ? 1 : 0), "\n";
# $ matches before trailing newline in split result
print "chained substitutions in one statement: ", join(",", map { (my $t = $_) =~ s/^\s+|\s+$//g; $t } " x ", "y "), "\n";
