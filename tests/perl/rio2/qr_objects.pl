# qr// objects: stringification, flags, interpolation into other patterns, arrays of qr.
use strict;
use warnings;

my $num = qr/\d+/;
my $word = qr/[a-z]+/i;
print "num: $num\n";
print "word: $word\n";
print "ref: ", ref($num), "\n";

my $pair = qr/($word)=($num)/;
print "pair: $pair\n";
for my $s ("Foo=42", "bar=x", "BAZ=7") {
    if ($s =~ $pair) {
        print "$s -> $1 / $2\n";
    } else {
        print "$s -> no\n";
    }
}

# case-insensitivity stays local to the qr
my $ci = qr/abc/i;
print "inner i: ", ("ABCdef" =~ /${ci}def/ ? "y" : "n"), "\n";
print "outer not i: ", ("ABCDEF" =~ /${ci}def/ ? "y" : "n"), "\n";

# /x qr
my $x = qr/
    (\w+)   # word
    \s*
    :       # colon
/x;
print "x: ", ("key : v" =~ $x ? $1 : "no"), "\n";

# array of patterns, first match wins
my @rules = (
    [ qr/^\d+$/,       'integer' ],
    [ qr/^\d+\.\d+$/,  'float' ],
    [ qr/^[a-z_]\w*$/i, 'ident' ],
    [ qr/^\s*$/,       'blank' ],
);
for my $tok ("12", "3.14", "foo_1", "  ", "?!") {
    my $kind = 'other';
    for my $r (@rules) {
        if ($tok =~ $r->[0]) { $kind = $r->[1]; last }
    }
    print "'$tok' is $kind\n";
}

# join of qr alternatives
my @kw = map { qr/\Q$_\E/ } qw(a.b c+d);
my $alt = join "|", @kw;
my $re = qr/^(?:$alt)$/;
print "alt: $re\n";
for my $s ("a.b", "axb", "c+d", "ccd") {
    print "$s: ", ($s =~ $re ? "match" : "no"), "\n";
}

# qr with /s and /m
my $ms = qr/^b.c$/ms;
print "ms: $ms ", ("a\nb\nc\nd" =~ $ms ? "y" : "n"), "\n";

# qr used in split and s///
my $sep = qr/\s*,\s*/;
print "split: ", join("|", split $sep, "a , b,c ,d"), "\n";
(my $t = "x1y22z333") =~ s/$num/<$&>/g;
print "subst: $t\n";

# qr in list context match and /g
my @all = ("a1b22c333" =~ /($num)/g);
print "all: @all\n";

# qr equality as strings
my $q1 = qr/foo/;
my $q2 = qr/foo/;
print "eq: ", ("$q1" eq "$q2" ? "same" : "diff"), "\n";

# qr with captures numbered inside bigger pattern
my $inner = qr/(\w)(\w)/;
if ("xyz" =~ /(.)$inner/) {
    print "groups: $1 $2 $3\n";
}

# qr passed to a sub
sub matches { my ($re, @l) = @_; return grep { $_ =~ $re } @l }
print "grep: ", join(",", matches(qr/^b/, qw(apple banana blueberry cherry))), "\n";

# blessed-ness of qr and stringified flags combos
print "flags: ", qr/a/msix, "\n";
print "neg: ", qr/a/, "\n";
my $n = qr/(?i)x/;
print "inline: $n\n";
