# no warnings 'category' turns off only that category.
use strict;
use warnings;

my $u;
{
    no warnings 'uninitialized';
    my $s = "a" . $u;
    my $n = "3x" + 1;
    print "n=$n\n";
}
{
    no warnings 'numeric';
    my $n = "4x" + 1;
    my $s = "b" . $u;
    print "n=$n\n";
}
{
    no warnings qw(once void);
    my $s = "c" . $u;
}
{
    no warnings 'misc';
    my %h = (1);
    my $s = "d" . $u;
}
{
    no warnings;
    my $s = "e" . $u;
    {
        use warnings 'uninitialized';
        my $t = "f" . $u;
        my $n = "5x" + 1;
    }
}
{
    no warnings 'substr';
    my $r = substr("ab", 5);
    my $n = "6x" * 1;
}
{
    no warnings 'redefine';
    sub foo { 1 }
}
sub bar { 1 }
{
    no warnings 'uninitialized', 'numeric';
    my $s = "g" . $u . ("7x" + 0);
    my %h = (1);
}
my $n = "8x" + 0;
print "end\n";
