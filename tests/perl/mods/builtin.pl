# `use builtin` functions (as modules use them, with experimental warnings off).
use strict;
use warnings;
no warnings 'experimental::builtin';
use builtin qw(blessed reftype refaddr trim ceil floor true false indexed weaken);
print blessed(bless {}, 'X'), " ", (blessed([]) // 'undef'), " ", reftype(bless [], 'Y'), "\n";
print "[", trim("  a b \n"), "] ", ceil(1.2), " ", floor(-1.2), " ", (true ? "T" : "F"), (false ? "T" : "F"), "\n";
my @x = indexed("a", "b");
print "@x\n";
my $r = [];
print refaddr($r) == $r + 0 ? "addr ok\n" : "bad\n";
print builtin::trim(" z "), "\n";
