# <=> and cmp do not chain (with each other or with == eq …); isa does not
# chain with isa or relational operators; < and == chains still work.
use strict;
use warnings;
use feature "isa";
no warnings "experimental::isa";
our ($a, $b, $c) = (1, 2, 3);
for my $code ('$a <=> $b <=> $c', '$a cmp $b == $c', '$a == $b <=> $c',
              '$a isa $b isa $c', '$a isa $b < $c', '$a < $b < $c',
              '$a == $b == $c', '$a <=> $b', '1 < 2 <= 2 < 3') {
    my $sub = eval "sub { $code }";
    printf "%-22s %s\n", $code, defined $sub ? "compiles" : "syntax error";
}
print((1 < 2 < 3) ? "chained true\n" : "chained false\n");
print((3 > 2 > 2) ? "true\n" : "false\n");
