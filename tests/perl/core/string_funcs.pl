# length substr index rindex lc uc lcfirst ucfirst chop chomp chr ord reverse
# join split x sprintf.
use strict;
use warnings;

my $s = "Hello, World";
print "length: ", length($s), " ", length(""), " ", defined(length(undef)) ? "def" : "undef", "\n";
print "index: ", index($s, "o"), " ", index($s, "o", 5), " ", index($s, "z"), " ", index($s, ""), " ", index($s, "", 100), " ", index($s, "H", -5), "\n";
print "rindex: ", rindex($s, "o"), " ", rindex($s, "o", 7), " ", rindex($s, "z"), " ", rindex($s, ""), " ", rindex($s, "l", 0), "\n";
print "case: ", lc($s), " ", uc($s), " ", lcfirst($s), " ", ucfirst("hello"), " ", ucfirst(lc("WORLD")), "\n";
my $c = "line\n";
my $r = chomp($c);
print "chomp: [$c] $r\n";
$c = "line";
$r = chomp($c);
print "chomp none: [$c] $r\n";
$c = "line\n\n";
chomp($c);
print "chomp one newline: [", length($c), "]\n";
{
    local $/ = "END";
    my $x = "dataEND";
    chomp($x);
    print "chomp custom \$/: [$x]\n";
    local $/ = "";
    $x = "para\n\n\n";
    chomp($x);
    print "chomp paragraph mode: [", length($x), "]\n";
}
$c = "word";
my $ch = chop($c);
print "chop: [$c] [$ch]\n";
my @lines = ("a\n", "b\n", "c");
chomp(@lines);
print "chomp list: @lines\n";
print "chr/ord: ", chr(65), chr(97), " ", ord("a"), " ", ord(""), " ", ord("abc"), " ", chr(48 + 5), "\n";
print "reverse: ", scalar reverse("stressed"), " ", join(",", reverse(1, 2, 3)), "\n";
print "join: ", join("-", 1, 2, 3), " ", join("", "a", "b"), " [", join(",", ()), "] ", join(", ", "single"), "\n";
print "repeat: ", "ab" x 3, " [", "ab" x 0, "] ", "=" x 10, "\n";
print "lc on mixed: ", lc("ÀB"), "\n";
print "ucfirst empty: [", ucfirst(""), "]\n";
print "sprintf basic: ", sprintf("%s-%d-%.2f", "a", 42, 3.14159), "\n";
print "repeat join: ", join("|", ("x") x 3), "\n";
# tr counting and string comparisons
my $dna = "AGCTTAGCTA";
my $count = ($dna =~ tr/A//);
print "count A: $count\n";
print "string compare: ", join(" ", "abc" lt "abd", "abc" cmp "ABC", "a" x 3 eq "aaa", "10" lt "9"), "\n";
# lc/uc in interpolation and chains
my $t = "mIxEd CaSe";
print "chain: ", ucfirst(lc($t)), " ", join(" ", map { ucfirst lc } split / /, $t), "\n";
# sprintf with list
my @parts = (1, 2, 3);
print "sprintf list: ", sprintf("%d+%d=%d", @parts), "\n";
# padding and centering
sub center { my ($str, $w) = @_; my $l = int(($w - length $str) / 2); return (" " x $l) . $str . (" " x ($w - length($str) - $l)) }
print "[", center("hi", 7), "] [", center("odd", 8), "]\n";
# ord/chr round trip of all printable ASCII
my $all = join "", map { chr } 32 .. 126;
print "printable: ", length($all), " ", substr($all, 33, 26), "\n";
# lc/uc/length with numbers
print "numbers as strings: ", length(12345), " ", length(1.50), " ", uc(1e3), " ", reverse(123) + 0, "\n";
# string multiplication table
for my $i (1 .. 3) { print join(" ", map { sprintf "%2d", $i * $_ } 1 .. 5), "\n" }
# repeat with newline
print "-" x 3 . "\n";
# index in loop: find all occurrences
my $hay = "abracadabra";
my @pos;
my $p = -1;
push @pos, $p while ($p = index($hay, "a", $p + 1)) >= 0;
print "all 'a' positions: @pos\n";
# string comparison operators chain for sorting strings of different case
print "sorted: ", join(",", sort("b", "B", "a", "A", "_", "1")), "\n";
print "sorted ci: ", join(",", sort { lc($a) cmp lc($b) or $a cmp $b } ("b", "B", "a", "A")), "\n";
