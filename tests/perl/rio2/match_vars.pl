# @-, @+, $&, $`, $', $+, and their behaviour with nested scopes.
use strict;
use warnings;

my $s = "The quick brown fox";
if ($s =~ /(qu)(ick)\s+(b\w+)/) {
    print "pre: [$`] match: [$&] post: [$']\n";
    print "\@-: @-\n";
    print "\@+: @+\n";
    print "\$#-: $#- \$#+: $#+\n";
    for my $i (1 .. $#-) {
        print "group $i: ", substr($s, $-[$i], $+[$i] - $-[$i]), "\n";
    }
    print "last: $+\n";
}

# optional group not participating
if ("ac" =~ /(a)(b)?(c)/) {
    print "undef group start: ", (defined $-[2] ? $-[2] : "undef"), "\n";
    print "count -: ", scalar(@-), " count +: ", scalar(@+), "\n";
    print "last matched: $+\n";
}
if ("a" =~ /(a)(b)?/) {
    print "trailing unmatched: \$#- = $#-, \$#+ = $#+\n";
}

# captures are dynamically scoped to the enclosing block
if ("outer" =~ /(out)/) {
    {
        if ("inner" =~ /(inn)/) { print "in block: $1\n" }
    }
    print "after block: $1\n";
}

# sub calls restore captures
sub inner_match { "zzz" =~ /(z+)/; return $1 }
if ("abc" =~ /(b)/) {
    my $r = inner_match();
    print "sub returned $r, outer \$1 still $1\n";
}

# failed match leaves previous captures
"first 1" =~ /(\d)/;
"no digits" =~ /(\d)/;
print "after failed: $1\n";

# captures in list assignment, count in scalar
my ($x, $y) = "10:20" =~ /(\d+):(\d+)/;
print "x=$x y=$y\n";
my $ok = () = "10:20" =~ /(\d+):(\d+)/;
print "count: $ok\n";
my ($none) = "abc" =~ /(\d)/;
print "none: ", (defined $none ? $none : "undef"), "\n";
my @empty = "abc" =~ /\d/;
print "empty list: ", scalar(@empty), "\n";
my @one = "abc" =~ /b/;
print "no groups gives: @one\n";

# $& with /g loop
my @found;
while ("a1b22c333" =~ /\d+/g) { push @found, "$&(" . $-[0] . "-" . $+[0] . ")" }
print "found: @found\n";

# ${^PREMATCH} etc with /p
if ("hello world" =~ /o w/p) {
    print "p: [${^PREMATCH}] [${^MATCH}] [${^POSTMATCH}]\n";
}

# $1 in string repetition and numeric context
if ("x5" =~ /x(\d)/) { print "num: ", $1 + 1, " rep: ", "-" x $1, "\n" }

# nested capture groups numbering
if ("2024-01-02T03:04" =~ /((\d+)-(\d+)-(\d+))T((\d+):(\d+))/) {
    print join(",", $1, $2, $3, $4, $5, $6, $7), "\n";
}

# $+[0] as end offset used with substr
my $str = "prefix:payload";
if ($str =~ /:/) {
    print "after colon: ", substr($str, $+[0]), "\n";
}
