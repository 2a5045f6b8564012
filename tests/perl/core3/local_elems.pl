# local on array and hash elements, including ones past the end
use strict; use warnings;
our @a = (1, 2, 3);
our %h = (a => 1, b => 2);
sub show { print scalar(@a), ": ", join(" ", map { defined $a[$_] ? $a[$_] : "u" } 0 .. $#a), " | ", join(",", map { "$_=$h{$_}" } sort keys %h), "\n" }
{ local $a[5] = 9; show(); }
show();
{ local $a[1] = 'x'; local $h{c} = 3; show(); }
show();
{ local @a[3, 4] = ('p', 'q'); show(); }
show();
{ local $a[-1] = 'last'; show(); }
show();
{ local @h{qw(a z)} = (7, 8); show(); }
show();
my @lex = (1, undef);
{ local $lex[4] = 1; print scalar(@lex), "\n"; }
print scalar(@lex), "\n";
{ local $lex[1] = 5; print defined $lex[1] ? "def\n" : "undef\n"; }
print defined $lex[1] ? "def\n" : "undef\n", scalar(@lex), "\n";
