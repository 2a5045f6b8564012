# sort with comparators from other packages: $a/$b are the caller's package's
use strict; use warnings;
package Other;
sub cmp_pkg { no warnings 'uninitialized'; $Other::a <=> $Other::b }
sub cmp_main { $main::a <=> $main::b }
sub by_len($$) { my ($x, $y) = @_; length($x) <=> length($y) }
package main;
my @x = sort Other::cmp_main 3, 1, 2; print "@x\n";
my @y = sort Other::by_len qw(ccc a bb); print "@y\n";
my @z = sort Other::cmp_pkg 1, 2; print scalar(@z), "\n";
package Third;
our ($a, $b);
my @w = sort { $b <=> $a } 1, 5, 3; print "@w\n";
sub desc { $b <=> $a }
my @v = sort desc 4, 9, 2; print "@v\n";
package main;
my $cmp = sub { $main::b cmp $main::a };
my @u = sort $cmp qw(pear apple fig); print "@u\n";
