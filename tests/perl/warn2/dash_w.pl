#!/usr/bin/perl -w
# -w on the #! line turns on warnings globally; $^W reflects and controls it.
print "W=$^W\n";
my $u;
my $s = "a" . $u;
{
    local $^W = 0;
    my $t = "b" . $u;
    print "local W=$^W\n";
}
print "W again=$^W\n";
sub late { my $v; return "c" . $v }
late();
{
    no warnings;
    my $q = "d" . $u;
}
my %h = (1);
my $n = "3z" + 1;
$^W = 0;
my $z = "e" . $u;
BEGIN { $^W = 1 }
print "end\n";
