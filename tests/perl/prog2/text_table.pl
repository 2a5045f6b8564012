use strict;
use warnings;

# Render rows as text tables: auto column widths, alignment by type,
# wrapped cells, totals; plus local $, and $\ output.
my @headers = ('ID', 'Product', 'Category', 'Price', 'Qty', 'Notes');
my @rows = (
    [1, 'Espresso machine', 'kitchen', 249.99, 3, 'ships in 2 days'],
    [2, 'Desk lamp', 'office', 34.5, 12, ''],
    [3, 'Noise-cancelling headphones with a very long product name', 'audio', 199, 1, 'refurbished; limited warranty applies to this item'],
    [4, 'Pen', 'office', 1.2, 250, 'blue'],
    [5, 'Kettle', 'kitchen', 45, 0, 'out of stock'],
);

sub is_num { $_[0] =~ /^-?\d+(?:\.\d+)?$/ }

sub wrap_text {
    my ($text, $width) = @_;
    my @lines;
    my $cur = '';
    for my $w (split ' ', $text) {
        while (length $w > $width) {
            push @lines, $cur if length $cur;
            $cur = '';
            push @lines, substr($w, 0, $width, '');
        }
        if (!length $cur) { $cur = $w }
        elsif (length($cur) + 1 + length($w) <= $width) { $cur .= " $w" }
        else { push @lines, $cur; $cur = $w }
    }
    push @lines, $cur if length $cur || !@lines;
    return @lines;
}

sub render {
    my ($hdr, $data, %opt) = @_;
    my $max = $opt{max_width} || 20;
    my @w = map { length } @$hdr;
    my @numeric = (1) x @$hdr;
    for my $r (@$data) {
        for my $i (0 .. $#$r) {
            my $cell = $opt{format}[$i] && is_num($r->[$i]) ? sprintf($opt{format}[$i], $r->[$i]) : $r->[$i];
            my $l = length $cell;
            $l = $max if $l > $max;
            $w[$i] = $l if $l > $w[$i];
            $numeric[$i] = 0 unless $cell eq '' || is_num($cell);
        }
    }
    my $sep = '+' . join('+', map { '-' x ($_ + 2) } @w) . '+';
    my @out = ($sep, '| ' . join(' | ', map { sprintf "%-*s", $w[$_], $hdr->[$_] } 0 .. $#w) . ' |', $sep);
    for my $r (@$data) {
        my @cells = map {
            my $c = $opt{format}[$_] && is_num($r->[$_]) ? sprintf($opt{format}[$_], $r->[$_]) : $r->[$_];
            [wrap_text($c, $w[$_])]
        } 0 .. $#$r;
        my $height = 0;
        for (@cells) { $height = @$_ if @$_ > $height }
        for my $ln (0 .. $height - 1) {
            push @out, '| ' . join(' | ', map {
                my $t = $cells[$_][$ln] // '';
                $numeric[$_] ? sprintf("%*s", $w[$_], $t) : sprintf("%-*s", $w[$_], $t)
            } 0 .. $#w) . ' |';
        }
    }
    push @out, $sep;
    return @out;
}

print "$_\n" for render(\@headers, \@rows, max_width => 18, format => [undef, undef, undef, '%.2f']);

my ($total_qty, $total_value) = (0, 0);
for (@rows) { $total_qty += $_->[4]; $total_value += $_->[3] * $_->[4] }
printf "%-20s %10d\n%-20s %10.2f\n", 'Total quantity:', $total_qty, 'Stock value:', $total_value;

my %by_cat;
push @{ $by_cat{ $_->[2] } }, $_ for @rows;
print "\nBy category:\n";
for my $cat (sort { @{ $by_cat{$b} } <=> @{ $by_cat{$a} } || $a cmp $b } keys %by_cat) {
    my $items = $by_cat{$cat};
    printf "  %-8s %d item%s: %s\n", $cat, scalar @$items, @$items == 1 ? '' : 's', join(', ', map { $_->[1] =~ s/^(\S+).*/$1/r } @$items);
}

{
    local ($,, $\) = ("\t", "\n");
    print 'id', 'qty', 'flag';
    print $_->[0], $_->[4], ($_->[4] ? 'ok' : 'EMPTY') for @rows;
}
local $" = '/';
my @ids = map { $_->[0] } grep { $_->[3] > 40 } @rows;
print "expensive ids: @ids\n";
print "centered: [", center('title', 15), "] [", center('odd', 8), "]\n";
sub center { my ($s, $w) = @_; my $l = int(($w - length $s) / 2); return (' ' x $l) . $s . (' ' x ($w - length($s) - $l)) }
