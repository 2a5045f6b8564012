# sort: default string order, numeric, reverse, named subs, stability.
use strict;
use warnings;

my @n = (10, 2, 33, 4, 1, 100, -5, 3.5);
print "default (string): ", join(" ", sort @n), "\n";
print "numeric: ", join(" ", sort { $a <=> $b } @n), "\n";
print "numeric desc: ", join(" ", sort { $b <=> $a } @n), "\n";
print "reverse sort: ", join(" ", reverse sort { $a <=> $b } @n), "\n";
my @w = qw(banana Apple cherry apple Banana date);
print "string: @{[ sort @w ]}\n";
print "case-insensitive: @{[ sort { lc $a cmp lc $b } @w ]}\n";
print "ci then cs: @{[ sort { lc $a cmp lc $b or $a cmp $b } @w ]}\n";
print "by length then alpha: @{[ sort { length $a <=> length $b or $a cmp $b } @w ]}\n";
sub by_num_desc { $b <=> $a }
print "named sub: ", join(" ", sort by_num_desc @n), "\n";
my $cmp = sub { $a <=> $b };
print "sub ref: ", join(" ", sort $cmp @n), "\n";
my $name = "by_num_desc";
print "sub name in var: ", join(" ", sort $name 3, 1, 2), "\n";
# stability: perl's mergesort is stable
my @recs = map { { k => $_->[0], id => $_->[1] } } ([1, 'a'], [0, 'b'], [1, 'c'], [0, 'd'], [1, 'e'], [0, 'f']);
print "stable: ", join(" ", map { "$_->{k}$_->{id}" } sort { $a->{k} <=> $b->{k} } @recs), "\n";
print "stable reversed cmp: ", join(" ", map { "$_->{k}$_->{id}" } sort { $b->{k} <=> $a->{k} } @recs), "\n";
print "reverse of stable sort: ", join(" ", map { "$_->{k}$_->{id}" } reverse sort { $a->{k} <=> $b->{k} } @recs), "\n";
# sort keys by value
my %score = (alice => 90, bob => 85, carol => 90, dave => 70);
print "by value desc, name asc: ", join(" ", sort { $score{$b} <=> $score{$a} || $a cmp $b } keys %score), "\n";
# sort numbers as strings gotcha
print "mixed: ", join(" ", sort (1, 10, 9, 100, "1a")), "\n";
# sort modifies nothing
my @orig = (3, 1, 2);
my @s = sort { $a <=> $b } @orig;
print "orig untouched: @orig -> @s\n";
# in-place sort
@orig = sort { $a <=> $b } @orig;
print "in place: @orig\n";
# sort with returning list from sub
sub get_list { return (5, 3, 9) }
print "sort sub result: ", join(" ", sort { $a <=> $b } get_list()), "\n";
# sort empty and single
my @none = ();
my @empty = sort @none;
print "empty: ", scalar(@empty), " single: ", join(",", sort (42)), "\n";
# $a and $b are aliases
my @vals = (3, 1, 2);
my @sorted = sort { $a <=> $b } @vals;
print "sorted: @sorted\n";
# sorting with Unicode-free special chars
print "punct: ", join("", sort split //, "b!a?c.A1"), "\n";
# numeric sort of large and float values
print "floats: ", join(" ", sort { $a <=> $b } 1e10, 1.5, -2.25, 0, 1e-3, 3), "\n";
# sort by multiple columns of arrays
my @rows = ([2, "b"], [1, "z"], [2, "a"], [1, "a"]);
print "rows: ", join(" ", map { "$_->[0]$_->[1]" } sort { $a->[0] <=> $b->[0] or $a->[1] cmp $b->[1] } @rows), "\n";
# reverse with sort in one expression
print "reverse sorted strings: ", join(" ", reverse sort qw(b c a)), "\n";
# sort returning in scalar context of join with uniq
my %seen;
my @uniq = grep { !$seen{$_}++ } qw(b a b c a);
print "uniq preserving order: @uniq; sorted uniq: @{[ sort @uniq ]}\n";
