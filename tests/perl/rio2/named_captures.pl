# Named captures: %+ and %-, duplicate names, nested groups, $^N, @{^CAPTURE}.
use strict;
use warnings;

my $date = "2024-03-15";
if ($date =~ /(?<year>\d{4})-(?<mon>\d\d)-(?<day>\d\d)/) {
    print "year=$+{year} mon=$+{mon} day=$+{day}\n";
    print "keys: ", join(",", sort keys %+), "\n";
    print "count: ", scalar(keys %+), "\n";
    print "exists day: ", (exists $+{day} ? 1 : 0), " exists hour: ", (exists $+{hour} ? 1 : 0), "\n";
    print "numbered too: $1/$2/$3\n";
}

# duplicate names via alternation with (?|...) and without
for my $s ("a=1", "b:2") {
    if ($s =~ /(?:(?<k>a)=(?<v>\d)|(?<k>b):(?<v>\d))/) {
        print "$s -> k=$+{k} v=$+{v}\n";
        my @ks = map { defined $_ ? $_ : 'undef' } @{ $-{k} };
        print "  \%- k: [@ks]\n";
    }
}

# %- holds every group with that name, %+ the leftmost defined
if ("xy" =~ /(?<c>x)(?<c>y)/) {
    print "plus c=$+{c} minus c=", join("|", @{ $-{c} }), "\n";
}

# unmatched named group: not in %+, but in %- as undef
if ("foo" =~ /(?<a>foo)|(?<b>bar)/) {
    print "plus keys: ", join(",", sort keys %+), "\n";
    print "minus keys: ", join(",", sort keys %-), "\n";
    print "b in minus: ", (defined $-{b}[0] ? "def" : "undef"), "\n";
}

# \k<name> and \g{name} backreferences
for my $w (qw(abba abab xyyx hello)) {
    my $r = $w =~ /^(?<a>.)(?<b>.)\k<b>\g{a}$/ ? "palin4" : "no";
    print "$w: $r\n";
}

# named captures in list context return all groups
my @parts = "key: value" =~ /(?<k>\w+):\s*(?<v>\w+)/;
print "list: @parts\n";

# %+ after a failed match keeps previous values
"k1=v1" =~ /(?<key>\w+)=(?<val>\w+)/;
"nothing" =~ /(?<key>\d+)=/;
print "after fail: $+{key} $+{val}\n";

# $^N last closed group, @{^CAPTURE}
if ("abcd" =~ /(a(b)(c))(d)?/) {
    print "caret N: $^N\n";
    print "capture: ", join(",", map { defined $_ ? $_ : 'u' } @{^CAPTURE}), "\n";
    print "last paren: $+\n";
}

# named captures in s///
(my $t = "John Smith") =~ s/(?<first>\w+)\s+(?<last>\w+)/$+{last}, $+{first}/;
print "swapped: $t\n";

# iterate with while //g and named captures
my $cfg = "a=1;b=22;c=333";
my %h;
while ($cfg =~ /(?<k>\w)=(?<v>\d+)/g) {
    $h{ $+{k} } = $+{v};
}
print join(" ", map { "$_:$h{$_}" } sort keys %h), "\n";

# branch reset
if ("b2" =~ /(?|a(\d)|b(\d))/) {
    print "branch reset: $1\n";
}
