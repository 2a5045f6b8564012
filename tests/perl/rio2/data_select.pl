# __DATA__ parsing, select + $|, printf to handles, print return values, $, and $\.
use strict;
use warnings;

my %inv;
my @order;
while (my $line = <DATA>) {
    chomp $line;
    next if $line =~ /^\s*(#|$)/;
    my ($item, $qty, $price) = split /\s*,\s*/, $line;
    push @order, $item;
    $inv{$item} = { qty => $qty, price => $price };
}
printf "%-8s %3s %7s\n", qw(item qty total);
for my $i (@order) {
    printf "%-8s %3d %7.2f\n", $i, $inv{$i}{qty}, $inv{$i}{qty} * $inv{$i}{price};
}
print "DATA eof: ", (eof(DATA) ? 1 : 0), "\n";
print "line no: $.\n";

# select returns previous handle
my $buf = "";
open my $mem, '>', \$buf or die;
my $old = select($mem);
print "into memory\n";
printf "%d+%d\n", 1, 2;
$| = 1;
select($old);
close $mem;
print "old was: $old\n";
print "buffer: $buf";

# $| per handle
my $prev = $|;
$| = 1;
print "autoflush on: $|\n";
$| = 0;
print "autoflush off: $|\n";
$| = 5;
print "autoflush normalised: $|\n";
$| = $prev;

# $, and $\
{
    local $, = "-";
    local $\ = "!\n";
    print "a", "b", "c";
    my @l = (1, 2, 3);
    print @l;
}
{
    local $" = ":";
    my @l = qw(x y z);
    print "interp: @l\n";
}

# print to STDERR and STDOUT ordering is per stream
print STDOUT "to stdout\n";
print STDERR "to stderr\n";
printf STDERR "%s %d\n", "err", 5;
printf STDOUT ("%05.1f\n", 3.14159);

# print return value
my $r = print "";
print "print returns: $r\n";

# handle in a hash and block form
my %h = (out => \*STDOUT);
print { $h{out} } "block handle\n";
printf { $h{out} } "%s\n", "block printf";

# say with feature
use feature 'say';
say "said";
say for 1 .. 2;
{
    local $\ = "X";
    say "say ignores ors?";
}
print "\n";
__DATA__
# inventory
apple, 3, 0.5

banana, 12, 0.25
cherry, 100, 0.1
