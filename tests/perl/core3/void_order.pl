# order of void-context warnings: block statements as blocks close, last statements later
use warnings;
do { 5; 6 } while (0);
my $i = 0; do { 7; $i++ } until $i > 1;
for (1) { 8; for (2) { 9 } 10 }
while (0) { 11 }
12 for 1;
sub f { for (1) { 13 } 14; 15 }
if (1) { 16; 17 }
{ 18; 19 }
20;
my @a = map { 5; $_ } 1..2;
my @b = grep { "x"; 1 } 1..2;
my @c = sort { 7; $a <=> $b } 1..2;
sub f { 8; if ($_[0]) { 9; 10 } else { 11 } }
my $r = f(1);
my $e = eval { 12; 13 };
my $h = { map { ($_ => 1) } 1..2 };
my @d = map { +{ a => $_ } } 1..2;
my @g = map { { a => $_ } } 1..2;
sub g { return 14; 15 }
unless (0) { 16; 17 }
if (0) { } elsif (1) { 18; 19 }
