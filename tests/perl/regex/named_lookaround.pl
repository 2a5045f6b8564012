# Named captures %+ %-, lookahead/lookbehind, backreferences.
use strict;
use warnings;

if ("2024-03-15" =~ /(?<year>\d{4})-(?<month>\d\d)-(?<day>\d\d)/) {
    print "named: $+{year} $+{month} $+{day}\n";
    print "keys %+: ", join(",", sort keys %+), "\n";
    print "numbered too: $1 $2 $3\n";
}
if ("ab" =~ /(?<x>a)(?<x>b)?/) {
    print "%- with duplicate names: ", join(",", map { $_ // "undef" } @{ $-{x} }), "\n";
}
if ("a" =~ /(?<x>a)|(?<y>b)/) {
    print "unmatched name exists in %+: ", (exists $+{y} ? 1 : 0), " in %-: ", (exists $-{y} ? 1 : 0), "\n";
}
my $re = qr/(?<key>\w+)\s*=\s*(?<val>\S+)/;
my %conf;
for my $line ("a = 1", "bb=two", "bad line", "c =3") {
    $conf{ $+{key} } = $+{val} if $line =~ $re;
}
print "conf: ", join(",", map { "$_=$conf{$_}" } sort keys %conf), "\n";
# backreferences
for my $w (qw(hello book apple aa abc)) {
    print "$w has double: ", ($w =~ /(\w)\1/ ? $1 : "-"), "\n";
}
print "relative backref: ", ("xyzxyz" =~ /(x)(y)(z)\g{-3}\g{-2}\g-1/ ? "yes" : "no"), "\n";
print "\\g{N}: ", ("abab" =~ /(a)(b)\g{1}\g2/ ? "yes" : "no"), "\n";
print "\\k<name>: ", ("toot" =~ /(?<c>t)(?<d>o)\k<d>\k<c>/ ? "yes" : "no"), "\n";
print "palindrome-ish: ", join(",", grep { /^(\w)(\w)?\w?\2\1$/ } qw(abba abcba abc racecar noon)), "\n";
my $html = '<a href="x">link</a> <b>bold</b> <i>bad</b>';
my @good = $html =~ /<(\w+)[^>]*>.*?<\/\1>/g;
print "matched tags: @good\n";
# lookahead / lookbehind
my $price = "USD100 EUR200 USD300";
my @usd = $price =~ /(?<=USD)(\d+)/g;
print "lookbehind: @usd\n";
my @not_usd = $price =~ /(?<!USD)(\d{3})/g;
print "negative lookbehind: @not_usd\n";
my @before = "foobar foobaz" =~ /foo(?=baz)(\w+)/g;
print "lookahead: @before\n";
my @neg = "foobar foobaz" =~ /foo(?!bar)(\w+)/g;
print "negative lookahead: @neg\n";
(my $commas = "1234567890") =~ s/(?<=\d)(?=(\d{3})+$)/,/g;
print "thousands: $commas\n";
my $pw = "abc123XYZ";
my $strong = $pw =~ /^(?=.*\d)(?=.*[a-z])(?=.*[A-Z]).{8,}$/ ? "strong" : "weak";
print "password: $strong\n";
print "variable-length alternatives lookbehind: ", join(",", "xa yb zc" =~ /(?<=x|y)(\w)/g), "\n";
# case-insensitive backrefs
print "ci backref: ", ("Aa" =~ /(a)\1/i ? "match" : "no"), "\n";
# conditionals and recursion (simple)
my $bal = qr/(\((?:[^()]++|(?1))*\))/;
for my $t ("(a(b)c)", "((x)", "(()())") {
    print "balanced $t: ", ($t =~ /^$bal$/ ? "yes" : "no"), "\n";
}
# alternation captures with branch reset
if ("b2" =~ /(?|a(\d)|b(\d))/) { print "branch reset: $1\n" }
# \b \B
print "word boundaries: ", join(",", "cat concat cats" =~ /\bcat\w*/g), " | ", join(",", "cat concat" =~ /\Bcat/g), "\n";
