# sort with key comparators over big lists (psh sorts native keys, in
# parallel): order must be perl's, stable for equal keys.
use strict;
use warnings;

my @recs = map { { id => $_, score => ($_ * 7919) % 1009, name => "n" . ($_ * 31 % 997), v => [ $_ % 7, "s" . ($_ % 11) ] } } 1 .. 25000;

my @a = sort { $b->{score} <=> $a->{score} || $a->{id} <=> $b->{id} } @recs;
print join(",", map { $_->{id} } @a[0 .. 9]), "\n";
my @b = sort { $a->{name} cmp $b->{name} } @recs;            # stable among equal names
print join(",", map { $_->{id} } @b[0 .. 9, -5 .. -1]), "\n";
my @c = sort { $a->{v}[0] <=> $b->{v}[0] or $b->{v}[1] cmp $a->{v}[1] } @recs;
print join(",", map { $_->{id} } @c[0 .. 9, -3 .. -1]), "\n";
my @d = sort { $b->{score} <=> $a->{score} } @recs;
print join(",", map { $_->{id} } @d[0 .. 9]), "\n";
print "same refs: ", ($a[0] == $recs[$a[0]{id} - 1] ? 1 : 0), "\n";

# Plain values, numeric and string, both directions.
my @nums = map { ($_ * 7907) % 100003 - 50000 + ($_ % 3 ? 0.5 : 0) } 1 .. 30000;
my @s1 = sort { $a <=> $b } @nums;
my @s2 = sort { $b <=> $a } @nums;
print "@s1[0 .. 4] | @s2[0 .. 4]\n";
my @strs = map { "k" . (($_ * 37) % 20011) } 1 .. 30000;
my @s3 = sort @strs;
my @s4 = sort { $b cmp $a } @strs;
print "@s3[0 .. 4] | @s4[0 .. 4]\n";
my @s5 = reverse sort { $a <=> $b } @nums;
print "@s5[0 .. 2]\n";

# Numbers sorted as strings and strings holding numbers sorted as numbers.
my @as_str = sort map { $_ * 3 } 1 .. 20000;
print "@as_str[0 .. 5]\n";
my @num_strs = sort { $a <=> $b } map { "" . (20000 - $_) } 1 .. 20000;
print "@num_strs[0 .. 5]\n";

# UTF-8 and Latin-1 strings together.
my @u = sort map { $_ % 2 ? "\x{e9}t\x{e9}$_" : "\x{263a}$_" } 1 .. 12000;
binmode STDOUT, ':utf8';
print "$u[0] $u[-1]\n";

# Missing keys (undef) without warnings.
{
    no warnings;
    my @m = sort { $a->{zz} <=> $b->{zz} || $a->{id} <=> $b->{id} } @recs[0 .. 12000];
    print "$m[0]{id} $m[-1]{id}\n";
}
