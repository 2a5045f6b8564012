# m// captures, $1.., match variables, case-insensitivity, greedy vs lazy.
use strict;
use warnings;

my $date = "Today is 2024-03-15, tomorrow 2024-03-16.";
if ($date =~ /(\d{4})-(\d\d)-(\d\d)/) {
    print "y=$1 m=$2 d=$3\n";
    print "pre=[$`] match=[$&] post=[$']\n";
    print "last paren: $+\n";
    print "\@-: @-  \@+: @+\n";
    print "\$#- $#- \$#+ $#+\n";
}
my @all = $date =~ /(\d{4})-(\d\d)-(\d\d)/g;
print "all groups: @all\n";
my @dates = $date =~ /\d{4}-\d\d-\d\d/g;
print "no groups /g: @dates\n";
my ($y) = $date =~ /(\d{4})/;
print "list capture: $y\n";
my $count = () = $date =~ /\d/g;
print "digit count: $count\n";
# failed match keeps previous captures
"abc" =~ /(b)/;
"xyz" =~ /(q)/;
print "after failed match \$1 still: $1\n";
# nested and optional groups
if ("ac" =~ /(a)(b)?(c)/) {
    print "optional group: 1=$1 2=", defined $2 ? $2 : "undef", " 3=$3\n";
}
if ("abcd" =~ /((a)(b(c)))(d)/) { print "nested: $1 $2 $3 $4 $5\n" }
# non-capturing, alternation
my @m = "cat dog bird" =~ /(?:cat|dog) (\w+)/;
print "non-capturing: @m\n";
for my $w (qw(apple banana cherry)) {
    my ($r) = $w =~ /^(a|b)/ ? ($1) : ("none");
    print "alternation $w: $r\n";
}
# case insensitive, x flag, s flag, m flag
print "i: ", ("HeLLo" =~ /hello/i ? 1 : 0), " x: ", ("abc123" =~ / ([a-z]+)  # letters
    (\d+) /x ? "$1-$2" : "no"), "\n";
my $multi = "line1\nline2\nline3";
my @starts = $multi =~ /^(\w+)$/mg;
print "m flag: @starts\n";
print "s flag: ", ("a\nb" =~ /a.b/ ? 1 : 0), ("a\nb" =~ /a.b/s ? 1 : 0), "\n";
# greedy vs lazy
my $html = "<b>bold</b> and <i>italic</i>";
my ($greedy) = $html =~ /<(.+)>/;
my ($lazy) = $html =~ /<(.+?)>/;
print "greedy: $greedy\nlazy: $lazy\n";
my @tags = $html =~ /<(\w+)>/g;
print "tags: @tags\n";
print "quantifiers: ", join(",", "aaaa" =~ /^(a{2,3})(a*)$/), " ", join(",", "aaaa" =~ /^(a{2,3}?)(a*)$/), " ", join(",", "aaaa" =~ /^(a+?)(a+)$/), "\n";
print "possessive: ", ("aaa" =~ /a++a/ ? "match" : "no match"), "\n";
# special chars and classes
print "classes: ", join("|", "a1_ -\t.Z" =~ /(\w+)(\s)(-)(\s)(\W)(\S)/), "\n";
print "posix: ", join("", "aB3 !" =~ /([[:upper:]])([[:digit:]])([[:space:]])([[:punct:]])/), "\n";
print "negated class: ", join(",", "a1b2c3" =~ /([^\d]+)/g), "\n";
print "dot excludes newline: ", join("|", "ab\ncd" =~ /(.+)/g), "\n";
# match in boolean/numeric context
my $n = () = "banana" =~ /a/g;
print "a's in banana: $n\n";
print "scalar match result: '", scalar("x" =~ /y/), "' '", scalar("x" =~ /x/), "'\n";
# =~ on expression, !~
print "not match: ", ("hello" !~ /z/ ? "true" : "false"), "\n";
my $str = "The quick brown fox";
my $words = () = $str =~ /\b\w+\b/g;
print "words: $words\n";
# match against $_ implicitly
for ("key=value", "novalue") {
    if (/^(\w+)=(\w*)$/) { print "kv: $1 => $2\n" } else { print "no kv in $_\n" }
}
# captures in list assignment with undef groups
my ($p, $q, $r) = "xz" =~ /(x)(y)?(z)/;
print "undef group in list: ", defined $q ? "def" : "undef", " $p$r\n";
# unicode property
print "unicode: ", join(",", "caf\x{e9} na\x{ef}ve" =~ /(\w+)/g) eq "caf\x{e9},na\x{ef}ve" ? "words ok" : "split differently", "\n";
# $& after s///
my $t = "hello world";
$t =~ s/o/0/;
print "after s: $t [$&]\n";
