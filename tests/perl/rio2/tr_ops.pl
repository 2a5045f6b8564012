# tr/// and y///: ranges, counting, /c /d /s /r, return values, escapes.
use strict;
use warnings;

my $s = "Hello, World!";
(my $u = $s) =~ tr/a-z/A-Z/;
print "upper: $u\n";
my $vowels = ($s =~ tr/aeiouAEIOU//);
print "vowels: $vowels\n";
my $letters = ($s =~ tr/a-zA-Z//);
print "letters: $letters\n";
my $non = ($s =~ tr/a-zA-Z//c);
print "non-letters: $non\n";

(my $d = "a1b2c3") =~ tr/0-9//d;
print "delete digits: $d\n";
(my $sq = "aaabbbccc  dd") =~ tr/a-z//s;
print "squeeze: $sq\n";
(my $sq2 = "hello    world") =~ tr/ //s;
print "squeeze spaces: $sq2\n";
(my $cd = "abc123def") =~ tr/a-z//cd;
print "cd: $cd\n";
(my $cs = "a--b__c") =~ tr/a-z/_/cs;
print "cs: $cs\n";

# rot13
(my $rot = "Hello") =~ tr/A-Za-z/N-ZA-Mn-za-m/;
print "rot13: $rot\n";

# /r returns new string
my $orig = "perl";
my $new = $orig =~ tr/a-z/A-Z/r;
print "r: $orig $new\n";

# short replacement list: last char repeated
(my $short = "abcdef") =~ tr/a-f/xy/;
print "short: $short\n";
# with /d, unmatched chars are deleted
(my $short_d = "abcdef") =~ tr/a-f/xy/d;
print "short d: $short_d\n";

# y synonym and other delimiters
(my $y = "abc") =~ y/abc/ABC/;
print "y: $y\n";
(my $br = "hello") =~ tr{a-y}{b-z};
print "braces: $br\n";

# escapes in tr
(my $tab = "a\tb\tc") =~ tr/\t/ /;
print "tab: $tab\n";
(my $dash = "a-b-c") =~ tr/-/_/;
print "dash: $dash\n";
(my $dash2 = "a-b+c") =~ tr/+-/PM/;
print "dash2: $dash2\n";
(my $bs = 'a\\b') =~ tr/\\/\//;
print "backslash: $bs\n";

# tr on $_ and counting newlines
$_ = "line1\nline2\nline3\n";
my $lines = tr/\n//;
print "lines: $lines\n";

# count specific char in list
my @words = qw(banana apple cherry);
for my $w (@words) {
    my $n = ($w =~ tr/a//);
    print "$w has $n a's\n";
}

# tr return with identical lists (counting, no change)
my $str = "mississippi";
my $ss = ($str =~ tr/s/s/);
print "s count: $ss str: $str\n";

# tr with ranges in the middle
(my $mix = "a1-z9") =~ tr/0-9a-z/#/;
print "mix: $mix\n";

# tr on array element and hash element
my @a = ("abc", "def");
$a[1] =~ tr/a-z/A-Z/;
my %h = (k => "xyz");
$h{k} =~ tr/xyz/123/;
print "elem: @a $h{k}\n";

# tr/// with /c and replacement
(my $c = "hello world 123") =~ tr/a-z/*/c;
print "complement: $c\n";

# tr counting on a read-only value works
my $cnt = "constant" =~ tr/n//;
print "const count: $cnt\n";

# octal/hex escapes
(my $hx = "ABC") =~ tr/\x41-\x43/\x61-\x63/;
print "hex: $hx\n";
# identity range with return value in boolean
my ($with, $without) = ("abc5", "abc");
print "has digit\n" if $with =~ tr/0-9//;
print "no digit\n" unless $without =~ tr/0-9//;
