# sort in another package uses that package's $a/$b; Schwartzian transform.
use strict;
use warnings;

package Sorter;
sub by_len { length($a) <=> length($b) or $a cmp $b }
sub sort_words { return sort by_len @_ }
sub sort_inline { return sort { $b cmp $a } @_ }
sub sort_num_with_proto($$) { my ($x, $y) = @_; $x <=> $y }

package main;
print "package sorter: ", join(" ", Sorter::sort_words(qw(ccc a bb aaa b))), "\n";
print "package inline: ", join(" ", Sorter::sort_inline(qw(x z y))), "\n";
print "proto \$\$ comparator: ", join(" ", sort Sorter::sort_num_with_proto 10, 2, 33), "\n";
{
    package Other;
    my @r = sort { $a <=> $b } (3, 2, 1);
    print "sort inside package block: @r\n";
}
# Schwartzian transform: sort files by "size" field
my @files = ("a.txt:300", "b.txt:20", "c.txt:1000", "d.txt:20");
my @sorted = map { $_->[0] } sort { $a->[1] <=> $b->[1] or $a->[0] cmp $b->[0] } map { [$_, (split /:/)[1]] } @files;
print "schwartzian: @sorted\n";
# Orcish maneuver
my %cache;
my @words = qw(pear fig banana kiwi apple);
my @by_vowels = sort { ($cache{$a} //= ($a =~ tr/aeiou//)) <=> ($cache{$b} //= ($b =~ tr/aeiou//)) or $a cmp $b } @words;
print "by vowel count: @by_vowels\n";
# Guttman-Rosler transform
my @nums = (42, 7, 1000, 3);
my @grt = map { substr($_, 4) } sort map { pack("N", $_) . $_ } @nums;
print "GRT: @grt\n";
# sort hash of hashes by nested field
my %emp = (
    e1 => { name => "Zed",  dept => "ops", salary => 50 },
    e2 => { name => "Amy",  dept => "dev", salary => 70 },
    e3 => { name => "Bob",  dept => "dev", salary => 70 },
    e4 => { name => "Cat",  dept => "ops", salary => 60 },
);
for my $id (sort { $emp{$a}{dept} cmp $emp{$b}{dept} or $emp{$b}{salary} <=> $emp{$a}{salary} or $emp{$a}{name} cmp $emp{$b}{name} } keys %emp) {
    printf "%-4s %-3s %3d\n", $emp{$id}{name}, $emp{$id}{dept}, $emp{$id}{salary};
}
# sort with a complex key: version strings
my @versions = qw(1.10.0 1.2.10 1.2.9 1.10 0.9.9);
my @vs = sort { my @x = split /\./, $a; my @y = split /\./, $b; my $r = 0; for my $i (0 .. 2) { $r = ($x[$i] // 0) <=> ($y[$i] // 0) and last } $r or $a cmp $b } @versions;
print "versions: @vs\n";
# sort numerically descending using reverse and <=>
print "top 3: ", join(" ", (sort { $b <=> $a } 5, 9, 1, 7, 3)[0 .. 2]), "\n";
