# grep/map blocks that warn, die or autovivify over big lists: psh runs
# them in parallel first and must end exactly as perl does (same output,
# same warnings, same error).
use strict;
use warnings;

my @n = (1 .. 20000);
my @mixed = map { $_ == 15000 ? "x$_" : $_ } @n;

# A warning for one element.
my @w = grep { $_ + 0 > 19990 } @mixed;
print scalar(@w), "\n";

# undef in the data, used in arithmetic.
my @u = map { $_ % 5000 ? $_ : undef } @n;
my @d = map { ($_ // 0) * 2 } @u;
print "$d[4999] $d[5000]\n";
my @plain = map { $_ * 2 } @u[0 .. 12000];
print scalar(@plain), "\n";

# Autovivification of an input by a read.
my @recs = map { { id => $_ } } @n;
my @deep = grep { $_->{meta}{flag} } @recs;
print scalar(@deep), " ", (exists $recs[0]{meta} ? "vivified" : "not"), "\n";
my @maybe = (undef) x 12000;
my @viv = grep { $_->{a} } @maybe;
print ref($maybe[0]), "\n";

# A die in the middle: caught by eval, nothing after it ran.
my $r = eval { my @x = map { die "bad $_\n" if $_ == 12345; $_ } @n; 1 };
print "died: $@";
my $seen = 0;
eval { my @x = grep { $_ == 17777 ? die { at => $_ } : 1 } @n; };
print "die with ref: $@->{at}\n";

# Division by zero inside.
eval { my @x = map { 1 / ($_ - 10000) } @n };
print "error: $@";
