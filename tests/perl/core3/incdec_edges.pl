# ++/-- on numeric strings with trailing junk and on large floats
use strict; use warnings;
$SIG{__WARN__} = sub { print "W: $_[0]" };
for my $s ("10 items", "10items", "10 ", "10  x", "1 a", " 10x", "10.5 items", "ab1c", "1.5x",
           "10 ixx", "10 it", "7nan", "-2 items", "1e5 items", "1e5 x", "Az", "zz", "a9", "") {
    my $x = $s; $x++;
    my $y = $s; my $r = $y++;
    print "[$s] -> $x ($r)\n";
}
my $d = "5x"; $d--; print "$d\n";
my $a = 9223372036854775807; $a++; print "$a\n";
my $b = -9223372036854775808; $b--; print "$b\n";
my $f = 1e20; $f--; print "$f\n";
my $g = -1e20; $g++; print "$g\n";
my $h = 9007199254740992.0; $h++; print "$h\n";
my $i = 9007199254740992.0; $i--; print "$i\n";
my $j = 2.5; $j--; print "$j\n";
