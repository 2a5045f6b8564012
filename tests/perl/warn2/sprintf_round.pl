# sprintf rounding, widths and conversions at the edges.
use strict;
use warnings;

my @fmts = ("%.0f", "%.1f", "%.2f", "%.3g", "%g", "%e", "%.10g", "%d", "%s", "%5.1f", "%-8.3e|", "%+d", "% d", "%x", "%o", "%b", "%X", "%#x", "%#o", "%#b", "%.15g", "%.17g");
my @nums = (0.5, 1.5, 2.5, -0.5, 0.125, 0.375, 1.005, 2.675, 1e10, 123456789, -42, 0.000123456, 1e-10, 255.9, -0.0);
for my $f (@fmts) {
    print "$f:";
    for my $n (@nums) {
        next if $f =~ /[xobX]/ && $n < 0;
        print " ", sprintf($f, $n);
    }
    print "\n";
}
printf "%s %s %s\n", 9**9**9, -9**9**9, sprintf("%d", 9**9**9);
printf "%.2f %.2f\n", 9**9**9, "nan" + 0;
printf "%5s|%-5s|%05d|%5.2s|\n", "ab", "cd", 42, "xyz";
printf "%3\$s %1\$s %2\$s\n", "a", "b", "c";
printf "%v d\n", "1.2.3";
printf "%vd %s\n", "1.22.333", sprintf("%%");
printf "%c%c%c\n", 72, 105, 33;
printf "%*d|%-*d|\n", 6, 42, 4, 7;
printf "%.*f\n", 2, 3.14159;
printf "%u %u\n", 42, -1;
printf "%i\n", 3.99;
printf "%d\n", "1e3";
printf "%d %d\n", 1e19, -1e19;
printf "%s\n", 1e19;
printf "%.0e %.0g %#.0f\n", 12345, 12345, 3;
printf "%G %E\n", 1e-20, 12345.678;
printf "[%6.2f] [%-6.2f] [%06.2f] [%+.2f]\n", 3.14159, 3.14159, 3.14159, 3.14159;
printf "%s\n", 0.1 + 0.7;
printf "%.20f\n", 0.1;
