# the comparisons a sort block sees for small lists (perl's merge order)
use strict; use warnings;
for my $in ([1, 2], [2, 1], [3, 1, 2], [3, 2, 1], [4, 3, 2, 1], [2, 4, 1, 3], [5, 1, 4, 2, 3]) {
    my @log;
    my @s = sort { push @log, "$a:$b"; $a <=> $b } @$in;
    print scalar(@log), " [@s] @log\n";
}
eval { my @x = sort { $a->{k} <=> $b->{k} } (1, 2) }; print $@;
my @w; local $SIG{__WARN__} = sub { push @w, @_ };
my @u = sort { $a <=> $b } (3, undef, 1); print scalar(@w), " warnings\n";
