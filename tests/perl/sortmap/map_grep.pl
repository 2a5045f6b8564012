# map and grep: pairs into hashes, multiple/zero returns, counts, nesting, aliasing.
use strict;
use warnings;

my @n = (1 .. 10);
my @sq = map { $_ * $_ } @n;
print "squares: @sq\n";
my @ev = grep { $_ % 2 == 0 } @n;
print "evens: @ev\n";
my $cnt = grep { $_ > 5 } @n;
print "count > 5: $cnt\n";
my %h = map { $_ => length } qw(apple fig banana);
print "hash from map: ", join(",", map { "$_=$h{$_}" } sort keys %h), "\n";
my %sq = map { ($_, $_ ** 2) } 1 .. 3;
print "pairs: ", join(",", map { "$_:$sq{$_}" } sort keys %sq), "\n";
my %plus = map { +"$_" => 1 } qw(a b);
print "plus-disambiguated: ", join(",", sort keys %plus), "\n";
my %brace = map {; "k$_" => $_ } 1 .. 2;
print "semicolon-disambiguated: ", join(",", sort keys %brace), "\n";
my @multi = map { ($_, $_ * 10) } 1 .. 3;
print "multiple returns: @multi\n";
my @filtered = map { $_ % 3 ? () : $_ } @n;
print "zero returns: @filtered\n";
my @nested = map { my $x = $_; map { "$x$_" } qw(a b) } 1 .. 3;
print "nested map: @nested\n";
my @matrix = map { [map { $_ * 2 } @$_] } ([1, 2], [3, 4]);
print "matrix: ", join(" | ", map { "@$_" } @matrix), "\n";
my @words = qw(apple Banana cherry date Elder fig);
my @caps = grep { /^[A-Z]/ } @words;
print "grep regex: @caps\n";
my @short = grep { length($_) <= 4 } @words;
print "grep expr: @short\n";
my @g2 = grep /an/, @words;
print "grep EXPR form: @g2\n";
my @m2 = map lc, @words;
print "map EXPR form: @m2\n";
my @m3 = map { uc } grep { /e/ } @words;
print "chain: @m3\n";
# aliasing: modifying $_ in map/grep changes the source
my @src = (1, 2, 3);
map { $_ *= 10 } @src;
print "map aliases: @src\n";
grep { $_++ } @src;
print "grep aliases: @src\n";
my @copy = map { $_ } @src;
$copy[0] = 0;
print "copy independent: @src\n";
# grep on hash keys, exists
my %stock = (apple => 0, pear => 5, plum => 2);
my @in = sort grep { $stock{$_} } keys %stock;
print "in stock: @in\n";
# first index via grep
my @list = qw(x y z y);
my ($idx) = grep { $list[$_] eq 'y' } 0 .. $#list;
print "first index of y: $idx\n";
my @idxs = grep { $list[$_] eq 'y' } 0 .. $#list;
print "all indexes: @idxs\n";
# map with complex block and return in list
my @parsed = map { my ($k, $v) = split /=/; { key => $k, val => $v } } qw(a=1 b=2);
print "map to hashrefs: ", join(",", map { "$_->{key}->$_->{val}" } @parsed), "\n";
# map in scalar context counts
my $total = () = map { ($_) x $_ } 1 .. 4;
print "flattened count: $total\n";
# grep with complex condition and last-like behaviour via first-found
my ($first_big) = grep { $_ > 3 } 1 .. 10;
print "first big: $first_big\n";
# sum and max via map/grep-free loops to compare
my ($sum, $max) = (0, undef);
for (map { $_ * 3 } 1 .. 5) { $sum += $_; $max = $_ if !defined $max || $_ > $max }
print "sum $sum max $max\n";
# map with index
my @letters = qw(a b c);
print "indexed: ", join(",", map { "$_:$letters[$_]" } 0 .. $#letters), "\n";
# map with hash slice and nested data
my @people = ({ name => "A", tags => [qw(x y)] }, { name => "B", tags => [] }, { name => "C", tags => ["z"] });
print "tags flattened: ", join(",", map { @{ $_->{tags} } } @people), "\n";
print "with tags: ", join(",", map { $_->{name} } grep { @{ $_->{tags} } } @people), "\n";
# grep returning aliases in foreach
my @vals = (1, 2, 3, 4);
$_ = 0 for grep { $_ % 2 } @vals;
print "zeroed odds via grep alias: @vals\n";
# uniq, count occurrences, invert
my %count;
$count{$_}++ for map { lc } qw(A a B b b C);
print "counts: ", join(",", map { "$_=$count{$_}" } sort keys %count), "\n";
my %inv = map { $count{$_} => $_ } sort keys %count;
print "inverted (last wins): ", join(",", map { "$_=$inv{$_}" } sort keys %inv), "\n";
