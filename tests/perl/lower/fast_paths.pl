# Edge cases of the specialised (closure-form) paths: each fast path must
# fall back to perl's general semantics when its guard fails.
use strict;
use warnings;

# Integer overflow in +, -, *, and ++/-- at the limits.
my $big = 9223372036854775807;
my $r = $big + 1;
print "add overflow: $r\n";
$r = -$big - 2;
print "sub overflow: $r\n";
$r = $big * 2;
print "mul overflow: $r\n";
my $i = $big;
$i++;
print "inc overflow: $i\n";
my $j = -$big;
$j -= 1;
print "dec to min: $j\n";
my $k = $big;
$k += 1;
print "+= overflow: $k\n";
my $m = -$big;
$m -= 10;
print "-= overflow: $m\n";

# Mixed integer/float arithmetic and comparisons.
my ($x, $y) = (3, 0.5);
print "mixed: ", $x + $y, " ", $x * $y, " ", $x - $y, " ", $x / 2, " ", 7 / 2, " ", 6 / 3, "\n";
print "cmp: ", ($x < 3.5 ? "lt" : "ge"), " ", ($y <=> $x), " ", (2.0 == 2 ? "eq" : "ne"), "\n";
my $nan = "nan" + 0;
print "nan: ", ($nan == $nan ? "eq" : "ne"), " ", ($nan != 1 ? "ne" : "eq"), " ", defined($nan <=> 1) ? "def" : "undef", "\n";
print "mod: ", 7 % 3, " ", -7 % 3, " ", 7 % -3, " ", 7.5 % 2, "\n";

# Strings in numeric operators (warnings), undef operands (named warnings).
{
    my $s = "12abc";
    my $u;
    local $SIG{__WARN__} = sub { my $w = shift; $w =~ s/ at .*//s; print "warn: $w\n" };
    print "num str: ", $s + 1, "\n";
    print "undef: ", $u + 5, "\n";
    my %h;
    print "undef elem: ", 1 + $h{nope}, "\n";
    my $t = "x";
    $t .= $u;
    print "concat undef: $t\n";
    print "lt undef: ", ($u < 1 ? 1 : 0), "\n";
}

# String increments and decrements through ++/--.
my @s = ("aa", "Az", "zz", "a9", "Zz", "");
for my $v (@s) { my $w = $v; $w++; print "inc '$v' -> '$w'\n" }
my $sd = "ab";
$sd--;
print "dec string: $sd\n";
my $post = "a";
my $old = $post++;
print "post: $old $post\n";
my $und;
my $pv = $und++;
print "post undef: $pv $und\n";

# Hash element ++ on missing, string and float values; element assignment.
my %c;
$c{a}++ for 1 .. 3;
$c{b} = "x";
$c{b}++;
$c{f} = 1.5;
$c{f}++;
my $pre = ++$c{new};
my $pst = $c{newer}++;
my $pd = $c{down}--;
print join(",", map { "$_=" . ($c{$_} // "undef") } sort keys %c), " pre=$pre pst=$pst pd=", $pd // "undef", "\n";
my @a;
$a[3] = "d";
$a[-1] = "D";
print "array: ", scalar(@a), " ", join("|", map { $_ // "u" } @a), "\n";
eval { my @e; $e[-5] = 1; };
print "neg index: $@";

# String comparisons, including mixed encodings.
my $lat = "caf\xe9";
my $uni = "caf\x{e9}\x{100}";
chop $uni;
print "str eq mixed: ", ($lat eq $uni ? "eq" : "ne"), " cmp ", ($lat cmp "cafe"), " ", ("a" lt "b" ? 1 : 0), "\n";

# chr, length, substr, uc/lc on edge values.
print "chr: ", join(",", map { ord(chr($_)) } 65, 0, 255, 256, 0x263A), "\n";
my $str = "Hello, World";
print "substr: ", substr($str, -5), " ", substr($str, 0, -7), " ", substr($str, 3, 2), "\n";
{
    local $SIG{__WARN__} = sub { my $w = shift; $w =~ s/ at .*//s; print "warn: $w\n" };
    my $out = substr($str, 20);
    print "substr past end: ", defined $out ? "def" : "undef", "\n";
}
print "len: ", length($str), " ", length(""), " ", defined(length(undef)) ? "def" : "undef", "\n";
print "case: ", uc("abc\xe9"), " ", lcfirst("ABC"), " ", ucfirst("xyz"), "\n";

# Method calls: cache invalidation when a method is redefined or @ISA changes.
package Animal { sub new { bless {}, shift } sub speak { "generic" } }
package Dog { our @ISA = ('Animal'); }
package Cat { our @ISA = ('Animal'); sub speak { "meow" } }
package main;
my @pets = (Dog->new, Cat->new, Dog->new);
for my $round (1 .. 3) {
    print "round $round: ", join(" ", map { $_->speak } @pets), "\n";
    no warnings 'redefine';
    if ($round == 1) { *Dog::speak = sub { "woof" } }
    if ($round == 2) { @Dog::ISA = ('Cat') ; undef *Dog::speak }
}

# Calls: @_ aliasing, context, recursion, code refs and closures in loops.
sub bump { $_[0]++ }
my $n = 5;
bump($n);
print "alias: $n\n";
sub ctx { wantarray ? "list" : defined(wantarray) ? "scalar" : "void" }
my @l = ctx();
my $sc = ctx();
print "ctx: $l[0] $sc\n";
my @subs;
for my $v (1 .. 3) { push @subs, sub { $v * 10 } }
print "closures: ", join(",", map { $_->() } @subs), "\n";
my $fact;
$fact = sub { my $q = shift; $q <= 1 ? 1 : $q * $fact->($q - 1) };
print "fact: ", $fact->(10), "\n";

# Loops with labels, next/last/redo in lowered bodies.
my @out;
OUTER: for my $p (1 .. 4) {
    for my $q (1 .. 4) {
        next OUTER if $q > $p;
        last OUTER if $p == 4;
        push @out, "$p$q";
    }
}
print "labels: @out\n";
my $tries = 0;
for my $z (1 .. 2) {
    $tries++;
    redo if $tries == 1;
}
print "redo: $tries\n";
my $w = 0;
while (1) { $w++; last if $w >= 3 }
print "while: $w\n";
for (my $f = 0; $f < 3; $f++) { next if $f == 1; print "for-c $f\n" }

# sort/map/grep blocks with lexicals, return values and $_ aliasing.
my @nums = (5, 3, 9, 1);
my @sorted = sort { $a <=> $b } @nums;
my @desc = sort { my $d = $b - $a; $d } @nums;
my @sq = map { my $t = $_ * $_; $t + 0 } @nums;
my @big = grep { $_ > 3 } @nums;
$_ *= 2 for @nums;
print "blocks: @sorted | @desc | @sq | @big | @nums\n";
my @recs = map { { id => $_, v => $_ % 3 } } 1 .. 6;
print "records: ", join(" ", map { "$_->{id}:$_->{v}" } sort { $a->{v} <=> $b->{v} or $b->{id} <=> $a->{id} } @recs), "\n";
print "sprintf: ", sprintf("%05.1f|%-4s|%x|%s", 3.14159, "ab", 255, undef // "u"), "\n";
