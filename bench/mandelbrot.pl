# Mandelbrot set: float-heavy nested loops; prints a checksum.
use strict;
use warnings;

my $SIZE = 400;      # image is SIZE x SIZE
my $MAX_ITER = 50;

my ($sum, $inside) = (0, 0);
for my $py (0 .. $SIZE - 1) {
    my $ci = 2.0 * $py / $SIZE - 1.0;
    for my $px (0 .. $SIZE - 1) {
        my $cr = 2.5 * $px / $SIZE - 2.0;
        my ($zr, $zi, $i) = (0.0, 0.0, 0);
        while ($i < $MAX_ITER && $zr * $zr + $zi * $zi <= 4.0) {
            my $t = $zr * $zr - $zi * $zi + $cr;
            $zi = 2.0 * $zr * $zi + $ci;
            $zr = $t;
            $i++;
        }
        $sum += $i;
        $inside++ if $i == $MAX_ITER;
    }
}
print "size $SIZE: iterations $sum, inside $inside\n";
