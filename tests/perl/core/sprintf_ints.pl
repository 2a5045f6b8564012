# sprintf: integer formats, flags, widths, * widths, %v, positional args.
use strict;
use warnings;

my @fmts = ('%d', '%5d', '%-5d|', '%05d', '%+d', '% d', '%+05d', '%.3d', '%5.3d', '%-+6d|', '%x', '%X', '%#x', '%#X', '%08x', '%#010x', '%o', '%#o', '%b', '%#b', '%#B', '%010b', '%u', '%i', '%c', '%%', '%5s', '%-5s|', '%.2s', '%5.1s|');
for my $f (@fmts) {
    for my $v (0, 7, 255, -42) {
        next if $f =~ /c/ && $v < 0;
        no warnings;
        print "$f of $v: [", sprintf($f, $v), "]\n";
    }
}
print "neg hex: ", sprintf("%x %o %b", -1, -1, -2), "\n";
print "big: ", sprintf("%d %u %x", 9223372036854775807, 18446744073709551615, 18446744073709551615), "\n";
print "float to int: ", sprintf("%d %d %d %d", 3.7, -3.7, 1e10, "42abc" =~ /(\d+)/), "\n";
print "star width: [", sprintf("%*d", 6, 42), "] [", sprintf("%-*d", 6, 42), "] [", sprintf("%*d", -6, 42), "]\n";
print "star precision: [", sprintf("%.*f", 2, 3.14159), "] [", sprintf("%*.*f", 8, 3, 2.5), "]\n";
print "positional: ", sprintf('%2$s %1$s %2$s', "world", "hello"), "\n";
print "positional width: ", sprintf('%1$*2$d|', 5, 4), "\n";
print "version: ", sprintf("%vd", "1.22.333"), " ", sprintf("%vd", "1.2"), " ", sprintf("%*vd", ":", "1.2.3"), " ", sprintf("%vx", "255.16"), "\n";
print "v-string: ", sprintf("%vd", v5.36.0), "\n";
print "char: ", sprintf("%c%c%c", 72, 105, 33), "\n";
print "string padding: [", sprintf("%-10s|%10s", "left", "right"), "]\n";
print "many: ", sprintf("%s=%d (%.1f%%)", "rate", 5, 12.345), "\n";
print "too few args: [", do { no warnings; sprintf("%s %s", "one") }, "]\n";
print "extra args: [", do { no warnings; sprintf("%s", "one", "two") }, "]\n";
print "invalid: [", do { no warnings; sprintf("%y %s", "x") }, "]\n";
print "list arg: ", sprintf('%s-%s', split(/,/, "a,b")), "\n";
my @a = ("%s+%s", 1, 2);
print "array as args: ", sprintf($a[0], @a[1, 2]), "\n";
printf "printf: %s %05.2f\n", "direct", 3.14159;
printf STDOUT "printf to handle: %d\n", 7;
my $fmt = "%s|%s\n";
printf $fmt, "var", "fmt";
printf("%-3s|\n", $_) for qw(a bb ccc dddd);
