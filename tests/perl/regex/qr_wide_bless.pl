# qr// objects built from strings with wide characters keep them as
# characters (stringified, matched directly and interpolated), and a qr
# object can be blessed into any class, still matching and stringifying
# as its pattern.
use strict;
use warnings;
binmode STDOUT, ':utf8';
my $smile = "\x{263A}";
for my $q (qr/$smile/, qr/${smile}x/, qr/x$smile/, qr/\x{263A}/) {
    printf "%s len=%d utf8=%d\n", $q, length("$q"), utf8::is_utf8("$q") ? 1 : 0;
}
my $q = qr/$smile/;
print "direct: ", ("a\x{263A}b" =~ $q ? "y" : "n"), "\n";
print "interp: ", ("a\x{263A}b" =~ /$q/ ? "y" : "n"), "\n";
print "bytes: ", ("a\xE2\x98\xBAb" =~ $q ? "y" : "n"), "\n";

# KELVIN SIGN folds to k: a byte subject against a wide pattern.
my $kelvin = "\x{212A}";
my $kq = qr/$kelvin/i;
for my $s ("K", "k", "\x{212A}", "x") {
    print "kelvin ", ($s =~ $kq ? "y" : "n"), "\n";
}

my $b = bless qr/x+/, "Foo";
print ref($b), " $b ", ("axxb" =~ $b ? "match" : "no"), " [$&]\n";
my @m = ("axxbxxx" =~ /($b)b($b)/);
print "@m\n";
