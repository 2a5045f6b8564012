#!/usr/bin/perl
use strict;
use warnings;

# CSV from STDIN with quoted fields, embedded commas/quotes/newlines;
# group-by with nested hashes, multi-key sort, pivot table output.
sub parse_csv_line {
    my ($line) = @_;
    my @f;
    while ($line =~ /\G(?:"((?:[^"]|"")*)"|([^,]*))(,|$)/g) {
        my $v = defined $1 ? $1 =~ s/""/"/gr : $2;
        push @f, $v;
        last if $3 eq '';
    }
    return @f;
}

my $header = <STDIN>;
chomp $header;
my @cols = parse_csv_line($header);
my @rows;
my $buf = '';
while (my $l = <STDIN>) {
    $buf .= $l;
    my $quotes = () = $buf =~ /"/g;
    next if $quotes % 2;
    chomp $buf;
    my %r;
    @r{@cols} = parse_csv_line($buf);
    push @rows, \%r;
    $buf = '';
}
printf "%d columns (%s), %d rows\n", scalar @cols, join('/', @cols), scalar @rows;

my %g;
for my $r (@rows) {
    my $q = 'Q' . (int((substr($r->{date}, 5, 2) - 1) / 3) + 1);
    $g{ $r->{region} }{$q}{sum} += $r->{amount};
    $g{ $r->{region} }{$q}{n}++;
    $g{ $r->{region} }{total} += $r->{amount};
}
my @quarters = qw(Q1 Q2 Q3 Q4);
printf "%-8s" . ("%10s" x @quarters) . "%12s\n", 'region', @quarters, 'total';
for my $reg (sort { $g{$b}{total} <=> $g{$a}{total} || $a cmp $b } keys %g) {
    printf "%-8s", $reg;
    printf "%10s", exists $g{$reg}{$_} ? sprintf('%.2f', $g{$reg}{$_}{sum}) : '-' for @quarters;
    printf "%12.2f\n", $g{$reg}{total};
}
my @sorted = sort {
    $a->{region} cmp $b->{region}
        or $b->{amount} <=> $a->{amount}
        or $a->{date} cmp $b->{date}
} @rows;
print "\nby region, amount desc:\n";
for my $r (@sorted) {
    (my $note = $r->{note}) =~ s/\n/\\n/g;
    printf "  %-6s %-10s %9.2f  %s\n", $r->{region}, $r->{date}, $r->{amount}, length $note > 24 ? substr($note, 0, 21) . '...' : $note;
}
my %by_rep;
push @{ $by_rep{ $_->{rep} } }, $_->{amount} for @rows;
print "\nreps:\n";
for my $rep (sort { @{ $by_rep{$b} } <=> @{ $by_rep{$a} } or $a cmp $b } keys %by_rep) {
    my @a = sort { $a <=> $b } @{ $by_rep{$rep} };
    my $sum = 0;
    $sum += $_ for @a;
    printf "  %-12s n=%d min=%.2f max=%.2f avg=%.2f\n", $rep, scalar @a, $a[0], $a[-1], $sum / @a;
}
sub csv_quote { my $v = shift; $v =~ /[",\n]/ ? '"' . ($v =~ s/"/""/gr) . '"' : $v }
print "\nre-encoded first rows:\n";
print join(',', map { csv_quote($_) } @{$_}{@cols}), "\n" for @rows[0 .. 2];
