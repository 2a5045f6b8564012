# Reading __DATA__ with various techniques.
use strict;
use warnings;

my $header = <DATA>;
chomp $header;
my @cols = split /\t/, $header;
print "columns: @cols\n";
my @rows;
while (my $line = <DATA>) {
    chomp $line;
    next if $line =~ /^\s*(#|$)/;
    my %r;
    @r{@cols} = split /\t/, $line;
    push @rows, \%r;
}
print "rows: ", scalar(@rows), " (last line number $.)\n";
for my $r (sort { $a->{price} <=> $b->{price} or $a->{item} cmp $b->{item} } @rows) {
    printf "%-8s %6.2f %3d\n", $r->{item}, $r->{price}, $r->{qty};
}
my $sum = 0;
$sum += $_->{price} * $_->{qty} for @rows;
printf "inventory value: %.2f\n", $sum;
print "eof DATA: ", (eof(DATA) ? 1 : 0), "\n";
__DATA__
item	price	qty
apple	0.50	100
# a comment line

banana	0.25	150
cherry	3.00	20
date	3.00	5
