# Numeric and string sorts, and a comparator block on hashrefs.
use strict;
use warnings;

my $N = 150_000;

my $seed = 7;
sub rnd { $seed = ($seed * 1103515245 + 12345) % 2147483648; return $seed }
my @nums = map { rnd() % 1_000_000 } 1 .. $N;
my @num_sorted = sort { $a <=> $b } @nums;
my @strs = map { sprintf "k%07d", $_ } @nums;
my @str_sorted = sort @strs;
my @rev = sort { $b cmp $a } @strs;
my @recs = map { { id => $_, score => $nums[$_] % 1000, name => $strs[$_] } } 0 .. $N / 2;
my @rec_sorted = sort { $b->{score} <=> $a->{score} or $a->{name} cmp $b->{name} } @recs;
print "min $num_sorted[0] max $num_sorted[-1] median $num_sorted[$N / 2] first $str_sorted[0] last $rev[0] top ",
    join(",", map { "$_->{id}:$_->{score}" } @rec_sorted[0 .. 2]), "\n";
