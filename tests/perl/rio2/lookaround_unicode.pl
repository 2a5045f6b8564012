# Lookahead/lookbehind, backreferences, and case-insensitive Unicode under use utf8.
use strict;
use warnings;
use utf8;
binmode STDOUT, ':encoding(UTF-8)';

# thousands separators via lookahead
for my $n (1234567, 1000, 999, 12345678.9) {
    my $s = reverse $n;
    (my $t = "$n") =~ s/(?<=\d)(?=(?:\d{3})+(?!\d))/,/g;
    print "$n -> $t\n";
}

# negative lookahead / lookbehind
my @w = qw(foobar foobaz barfoo foo);
print "foo not followed by bar: ", join(",", grep { /foo(?!bar)/ } @w), "\n";
print "foo not preceded by bar: ", join(",", grep { /(?<!bar)foo/ } @w), "\n";
print "password checks: ";
for my $p (qw(abc Abc1 abcdefg1 Abcdefg1)) {
    print "$p=", ($p =~ /^(?=.*\d)(?=.*[A-Z]).{8,}$/ ? "ok" : "bad"), " ";
}
print "\n";

# backreferences
for my $s ("hello", "abcabc", "aa bb cc", "xyz") {
    my @d = $s =~ /((\w)\2)/g;
    my @dd;
    while ($s =~ /(\w)\1/g) { push @dd, $1 }
    print "$s: doubles=@dd\n";
}
print "repeat word: ", ("this is is a test" =~ /\b(\w+)\s+\1\b/ ? $1 : "none"), "\n";
print "relative \\g{-1}: ", ("xyzyz" =~ /(y)(z)\g{-2}\g{-1}/ ? "yes" : "no"), "\n";
print "html tag: ", ("<b>bold</b>" =~ m{<(\w+)>(.*?)</\1>} ? "$1:$2" : "none"), "\n";

# case-insensitive unicode
my $city = "ÉCOLE";
print "ci: ", ("école" =~ /^$city$/i ? "match" : "no"), "\n";
print "uc: ", uc("straße"), " lc: ", lc("ÀÉÎ"), "\n";
print "length: ", length("日本語"), "\n";
my $greek = "ΣΊΣΥΦΟΣ";
print "greek lc: ", lc($greek), "\n";
print "greek ci: ", ("σίσυφος" =~ /^\Q$greek\E$/i ? "y" : "n"), "\n";
print "word chars: ", join("|", "naïve café 東京" =~ /(\w+)/g), "\n";
print "class ci: ", ("Ñ" =~ /[ñ]/i ? "y" : "n"), "\n";
(my $acc = "crème brûlée") =~ s/(\w+)/\u$1/g;
print "ucfirst: $acc\n";
my $cnt = () = "ÄäÖöÜü" =~ /[äöü]/gi;
print "count ci: $cnt\n";
print "tr unicode: ", ("αβγ" =~ tr/α-γ/a-c/r), "\n";
print "reverse: ", scalar reverse("åbc"), "\n";
print "ord/chr: ", ord("é"), " ", chr(0x263A), "\n";
print "index: ", index("日本語テキスト", "語"), "\n";
print "substr: ", substr("日本語テキスト", 3, 2), "\n";
print "split chars: ", join(",", split //, "äöü"), "\n";
print "sprintf: [", sprintf("%-5s|%3s", "äö", "ü"), "]\n";

# lookbehind with alternation of equal length
my $txt = "USD100 EUR200 GBP300";
my @eur = $txt =~ /(?<=EUR|GBP)(\d+)/g;
print "lookbehind alt: @eur\n";

# \K as variable-length lookbehind substitute
(my $k = "price: 100 dollars") =~ s/price:\s*\K\d+/200/;
print "K: $k\n";

# lookahead capture
if ("abc" =~ /(?=(b))/) { print "lookahead capture: $1 at $-[0]\n" }

# possessive and atomic
print "atomic: ", ("aaab" =~ /(?>a+)b/ ? "y" : "n"), " ", ("aaa" =~ /(?>a+)a/ ? "y" : "n"), "\n";
print "possessive: ", ("aaa" =~ /a++a/ ? "y" : "n"), "\n";
# conditional
for my $s ("(x)", "x", "(x") {
    print "cond $s: ", ($s =~ /^(\()?x(?(1)\))$/ ? "y" : "n"), "\n";
}
