# Arrays: indices, $#a, push/pop/shift/unshift, exists/delete, wantarray.
use strict;
use warnings;

my @a = (10, 20, 30, 40, 50);
print "last: $a[-1] $a[-2] $a[$#a] count: ", scalar(@a), " max idx: $#a\n";
print "neg slice: @a[-3..-1]\n";
$#a = 2;
print "truncated: @a (", scalar(@a), ")\n";
$#a = 4;
print "extended: ", join(",", map { defined ? $_ : "undef" } @a), "\n";
$#a = -1;
print "emptied: ", scalar(@a), "\n";
@a = (1 .. 5);
$a[9] = 10;
print "gap: ", join(",", map { $_ // "u" } @a), " len ", scalar(@a), "\n";
print "push ret: ", push(@a, 11, 12), "\n";
print "unshift ret: ", unshift(@a, -1, 0), "\n";
print "pop: ", pop(@a), " shift: ", shift(@a), "\n";
print "now: ", join(",", map { $_ // "u" } @a), "\n";
my @e;
my $p = pop @e;
print "pop empty: ", defined $p ? "def" : "undef", "\n";
print "exists: ", (exists $a[1] ? 1 : 0), (exists $a[100] ? 1 : 0), (exists $a[-1] ? 1 : 0), "\n";
my @d = (1, 2, 3);
delete $d[2];
print "delete last: ", scalar(@d), "\n";
delete $d[0];
print "delete first: ", scalar(@d), " ", defined $d[0] ? "def" : "undef", "\n";
# array in boolean / numeric / string context
my @three = (7, 8, 9);
print "num: ", @three + 0, " str: '@three' bool: ", (@three ? "t" : "f"), (@e ? "t" : "f"), "\n";
my $cnt = @three;
my ($first) = @three;
print "cnt $cnt first $first\n";
# list assignment swaps and returns
my ($x, $y) = (1, 2);
($x, $y) = ($y, $x);
print "swap: $x $y\n";
my ($h, @rest) = (1, 2, 3, 4);
print "head $h rest @rest\n";
my $n = () = (5, 6, 7, 8);
print "count via () = : $n\n";
my $c = (my @tmp = (1, 2, 3));
print "list assign in scalar: $c\n";
# nested arrays
my @m = ([1, 2, 3], [4, 5, 6], [7, 8, 9]);
print "m[1][2] = $m[1][2], m[-1]->[0] = $m[-1]->[0]\n";
print "row: @{$m[0]} col: ", join(" ", map { $_->[1] } @m), "\n";
my @t = map { my $i = $_; [map { $_->[$i] } @m] } 0 .. 2;
print "transposed: ", join(" | ", map { "@$_" } @t), "\n";
# wantarray
sub ctx { return wantarray ? "list" : defined(wantarray) ? "scalar" : "void" }
my @l = ctx();
my $s = ctx();
print "ctx: $l[0] $s\n";
sub show_void { print "void? ", (defined wantarray ? "no" : "yes"), "\n" }
show_void();
# reverse, join, grep on arrays; array functions
my @r = reverse 1 .. 5;
print "reverse: @r; scalar reverse: ", scalar(reverse("abc", "def")), "\n";
print "join: ", join("-", 'a' .. 'e'), "\n";
my @w = (3, 1, 2);
my @sorted = sort @w;
print "orig @w sorted @sorted\n";
print "array functions: ", join(",", (sort { $a <=> $b } 10, 9, 100)[0, -1]), "\n";
print "list slice: ", (qw(a b c d))[1, 3], " ", join(",", (1 .. 10)[2 .. 4]), "\n";
my @empty_slice = (1, 2)[5, 6];
print "empty slice count: ", scalar(@empty_slice), "\n";
# each/keys on arrays
my @letters = qw(x y z);
while (my ($i, $v) = each @letters) { print "$i=$v " }
print "\nkeys: ", join(",", keys @letters), "\n";
# local $" and interpolation
{
    local $" = ":";
    print "sep: @letters\n";
}
# chained string ops on arrays
my @words = split ' ', "  the quick  brown fox ";
print scalar(@words), " words: ", join("|", @words), "\n";
