# compile-time warnings: non-portable literals, useless constants in do blocks
use strict; use warnings;
my $x = 0x100000000;
my $y = 0xffffffff;
my $w = 0b111111111111111111111111111111111;
my $v = 0777777777777;
my $o = 037777777777;
print "$x $y $w $v $o\n";
my $h = hex("100000000"); my $q = oct("0x1ffffffff");
print "$h $q\n";
{ no warnings; my $z = 0x1_0000_0000; print "$z\n"; }
my $d = do { 1; 2; 3 };
print "$d\n";
my $e = do { "str"; 0; 4 };
print "$e\n";
{
    local $SIG{__WARN__} = sub { print "W: $_[0]" };
    my $r = eval "1; 2; 'x'; 3";
    print "$r\n";
    eval q{ my $n = 0x100000000; my $y; my $y; 1 };
    eval q{ my @a = (1); my $z = @a[0]; 1 };
    eval q{ my $v = do { 5; 6 }; };
}
