# splice in all its forms.
use strict;
use warnings;

sub show { my ($label, $arr, @ret) = @_; print "$label: [@$arr] ret=[@ret]\n" }

my @a = (1 .. 10);
my @r = splice(@a, 2, 3);
show("offset,len", \@a, @r);
@a = (1 .. 10);
@r = splice(@a, 7);
show("offset only", \@a, @r);
@a = (1 .. 10);
@r = splice(@a, -3, 2);
show("neg offset", \@a, @r);
@a = (1 .. 10);
@r = splice(@a, 2, -2);
show("neg length", \@a, @r);
@a = (1 .. 5);
@r = splice(@a, 1, 2, qw(a b c d));
show("replace longer", \@a, @r);
@a = (1 .. 5);
@r = splice(@a, 1, 3, 'x');
show("replace shorter", \@a, @r);
@a = (1 .. 5);
@r = splice(@a, 2, 0, 'in', 'serted');
show("insert", \@a, @r);
@a = (1 .. 5);
@r = splice(@a, scalar(@a), 0, 6, 7);
show("append", \@a, @r);
@a = (1 .. 5);
@r = splice(@a);
show("all", \@a, @r);
@a = (1 .. 5);
my $last = splice(@a, 1, 2);
print "scalar ctx returns last removed: $last; [@a]\n";
@a = (1 .. 5);
my $none = splice(@a, 1, 0);
print "scalar ctx nothing removed: ", defined $none ? $none : "undef", "\n";
@a = (1 .. 5);
@r = splice(@a, -1);
show("neg offset only", \@a, @r);
@a = (1 .. 5);
@r = splice(@a, 0, 1);
show("like shift", \@a, @r);
@a = (1 .. 3);
{
    no warnings;
    @r = splice(@a, 5, 0, 'z');
}
show("past end", \@a, @r);
# splice in a loop: remove evens
@a = (1 .. 12);
for (my $i = $#a; $i >= 0; $i--) {
    splice(@a, $i, 1) if $a[$i] % 2 == 0;
}
show("odds", \@a);
# chunking with splice
@a = ('a' .. 'k');
my @chunks;
while (my @c = splice(@a, 0, 3)) { push @chunks, join("", @c) }
print "chunks: @chunks\n";
# splice on array ref
my $ref = [1 .. 6];
splice(@$ref, 1, 4, 'mid');
print "ref: @$ref\n";
