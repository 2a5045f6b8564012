# grep and map over lists big enough to run in parallel (psh's default
# threshold is 10000): results, order, aliasing and side effects must be
# those of sequential execution.
use strict;
use warnings;

my @n = (1 .. 30000);
my $k = 7;
our $G = 3;
my %weight = (a => 1, b => 2);

# Plain numbers, an outer lexical, a package variable.
my @g = grep { $_ % $k == 0 } @n;
print scalar(@g), " $g[0] $g[-1]\n";
my @m = map { $_ * $G + $weight{b} } @n;
print "$m[0] $m[-1] ", scalar(@m), "\n";

# Scalar context: the count.
my $c = grep { /7/ } @n;
print "count $c\n";

# False values are perl's false (numify silently to 0).
my @f = map { $_ > 15000 } @n;
my $sum = 0;
$sum += $_ for @f;
print "true $sum, false is '", $f[0], "'\n";

# Strings, regex captures inside the block, captures restored after.
"outer 42" =~ /(\d+)/;
my @words = map { "w$_-" . ($_ % 13) } @n;
my @caps = map { /w(\d+)-(\d+)/ ? "$2:$1" : () } @words;
print "$caps[0] $caps[-1] after: $1\n";
my @sub = map { s/w/W/r } @words[0 .. 20000];
print "$sub[0] $sub[-1]\n";
my @tr = grep { tr/0-9// > 5 } @words;
print "tr ", scalar(@tr), "\n";

# map with lists of varying length, empty lists, and nested data.
my @v = map { $_ % 3 == 0 ? () : $_ % 3 == 1 ? ($_) : ($_, -$_) } @n;
print scalar(@v), " $v[1] $v[2]\n";
my @recs = map { { id => $_, score => ($_ * 7919) % 10007, tags => [ $_ % 2 ? 'odd' : 'even' ] } } @n;
print "$recs[4]{id} $recs[4]{score} $recs[4]{tags}[0]\n";
my @pairs = map { [ $_, $_ * 2 ] } @n;
print "$pairs[-1][1]\n";

# grep returns the elements themselves: same references, aliases.
my @sel = grep { $_->{score} % 3 == 0 } @recs;
print scalar(@sel), " same: ", ($sel[0] == $recs[$sel[0]{id} - 1] ? 1 : 0), "\n";
$_->{picked} = 1 for grep { $_->{score} > 10000 } @recs;
print "picked ", scalar(grep { $_->{picked} } @recs), "\n";
my @copy = @n;
$_ *= 2 for grep { $_ % 2 } @copy;
print "$copy[0] $copy[1] $copy[2]\n";

# References in the block: identity and stringification as in perl.
my $target = $recs[99];
my @same = grep { $_ == $target } @recs;
print scalar(@same), " ", ($same[0] == $target ? "same" : "other"), "\n";
my @refstr = grep { "$_" eq "$target" } @recs;
print scalar(@refstr), "\n";
my @ids = map { $_->{id} } grep { ref $_ eq 'HASH' && exists $_->{tags} } @recs;
print scalar(@ids), "\n";

# A block returning its input gives back the very references.
my @back = map { $_ } @recs;
print "back ", ($back[5] == $recs[5] ? "same" : "copy"), "\n";
my @wrapped = map { [ $_, $_->{id} ] } @recs;
print "wrapped ", ($wrapped[7][0] == $recs[7] ? "same" : "copy"), "\n";

# Blessed records.
package Point { sub x { $_[0]{x} } }
my @pts = map { bless { x => $_ }, 'Point' } @n;
my @px = grep { ref($_) eq 'Point' && $_->{x} > 29990 } @pts;
print scalar(@px), " ", ref($px[0]), " ", $px[0]->x, "\n";

# Block-local variables, loops, last/next inside the block.
my @loc = map { my %h; $h{$_ % 5}++; my $t = 0; for my $i (1 .. 3) { next if $i == 2; $t += $i } join(',', keys %h) . ":$t" } @n;
print "$loc[0] $loc[-1]\n";
my @firsts = map { my $r; for my $i (1 .. 10) { if ($i * $_ > 20) { $r = $i; last } } $r // 0 } @n;
print "$firsts[0] $firsts[1] $firsts[-1]\n";

# Nested grep/map and sort inside a block.
my @nested = map { my $x = $_; scalar grep { $_ < $x % 10 } 1 .. 9 } @n;
print "$nested[0] $nested[8] $nested[9]\n";
my @sorted_in = map { join '', sort { $b cmp $a } split //, $_ } @n[0 .. 15000];
print "$sorted_in[122] $sorted_in[-1]\n";

# sprintf, lc/uc, length, substr, join, index.
my @fmt = map { sprintf("%05d|%s|%d|%s", $_, uc(substr("abcdef", $_ % 6, 2)), length("x" x ($_ % 4)), index("hello", "l")) } @n;
print "$fmt[0] $fmt[-1]\n";

# $_ itself is untouched by the grep.
$_ = "mine";
my @z = grep { $_ > 0 } @n;
print "\$_ is $_\n";

# Chained stages over a big list.
my $total = 0;
$total += $_ for map { $_ * 2 } grep { $_ % 5 == 0 } map { $_ + 1 } @n;
print "total $total\n";
