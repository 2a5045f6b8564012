# Arithmetic on floats with integral values is integer arithmetic when perl's is (results of 1e15 and up print in full).
my $x = 1e15; print $x * 10, " ", 3e15 * 3, " ", 4e15 + 4e15 + 4e15, "\n";
print 1e16 - 1, " ", 2**53 + 1, " ", 1e18 / 10, " ", 1e17 / 3, " ", 1e19 * 10, " ", 9e18 + 9e18, "\n";
print 1.5e15 * 2, " ", 1e15 + 0.5, " ", -1e16 * 3, " ", 1e20 + 1, "\n";
sub f { my ($a, $b) = @_; return ($a * $b, $a + $b, $a - $b, $a / $b) } print join(" ", f(1e15, 100)), "\n";
my $s = 0; $s += 1e15 for 1..20; print "$s\n";
my $p = 1; $p *= 10.0 for 1..17; print "$p\n";
print 0.1 * 3, " ", 1e15 * 1.5, " ", 2.5e15 * 4, "\n";
my $str = "1e15"; print $str * 10, " ", $str + 1e15 * 9, " ", "3e15" * 3, "\n";
