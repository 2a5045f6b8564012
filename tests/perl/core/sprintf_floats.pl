# sprintf: float formats %f %e %g, rounding, special values.
use strict;
use warnings;

my @vals = (0, 1, -1, 0.5, 1.5, 2.5, 3.5, -0.5, -2.5, 2.675, 1.005, 0.125, 0.375, 1e-5, 123456789.987654321, 1e21, 1.23456789e-7, 3.14159265358979, 100, 1e100, -0.0001234, 0.1 + 0.2);
for my $v (@vals) {
    printf "%-22s %%.0f=%s %%.2f=%s %%e=%s %%.3e=%s %%g=%s %%.3g=%s %%G=%s\n", "$v", sprintf("%.0f", $v), sprintf("%.2f", $v), sprintf("%e", $v), sprintf("%.3e", $v), sprintf("%g", $v), sprintf("%.3g", $v), sprintf("%G", $v);
}
print "f default: ", sprintf("%f", 3.14159265), " ", sprintf("%f", 1e20), "\n";
print "widths: [", sprintf("%10.3f", 3.14159), "] [", sprintf("%-10.2f", 2.5), "] [", sprintf("%010.4f", -3.14159), "] [", sprintf("%+.1f", 2.25), "] [", sprintf("% .2f", 1), "]\n";
print "hash flag: [", sprintf("%#.0f", 3), "] [", sprintf("%#g", 1), "] [", sprintf("%#.3g", 1), "] [", sprintf("%#e", 1), "]\n";
print "g switching: ", join(" ", map { sprintf "%g", $_ } 1e-4, 1e-5, 123456, 1234567, 12345678, 0.000123456789), "\n";
print "g precision 0/1: ", sprintf("%.0g %.1g %.0e", 12345, 0.000678, 15000), "\n";
print "big precision: ", sprintf("%.20f", 0.1), " ", sprintf("%.17g", 0.1), " ", sprintf("%.15g", 0.1), "\n";
print "inf/nan: ", sprintf("%f %e %g %d", 9**9**9, -9**9**9, 9**9**9, 0), " ", sprintf("%.2f", -9**9**9), "\n";
print "nan: ", sprintf("%f", (9**9**9) / (9**9**9)) =~ /nan/i ? "NaN-ish" : "other", "\n";
print "s of float: ", sprintf("%s %s %s", 1 / 7, 1e15 / 3, 2**0.5), "\n";
print "rounding half-even-ish: ", join(" ", map { sprintf "%.1f", $_ } 0.05, 0.15, 0.25, 0.35, 0.45, 0.55), "\n";
print "money: ", join(" ", map { sprintf "%.2f", $_ } 1.995, 2.345, 10.005, 0.015, 99.999), "\n";
print "rounded via int: ", int(2.675 * 100 + 0.5) / 100, "\n";
print "exp formats: ", sprintf("%E %.0E %10.2e|%-12.1e|", 12345.678, 5e10, 0.000123, -1.5), "\n";
print "a format: ", sprintf("%a", 1), " ", sprintf("%a", 0.5), " ", sprintf("%A", 255), "\n";
print "mixed: ", sprintf("%s is %.1f%% of %d", "x", 33.333, 100), "\n";
print "string to float: ", sprintf("%.3f", "2.5abc" =~ /([\d.]+)/), " ", sprintf("%.2f", "1e2"), "\n";
