# Compile-time style hints: @x[0], %h{...}, qw commas, precedence, _ in numbers.
use strict;
use warnings;

my @x = (10, 20, 30);
my %h = (a => 1, b => 2);
my $v = @x[0];
print "v=$v\n";
my $w = @h{a};
print "w=$w\n";
@x[1] = 21;
print "x: @x\n";
my $i = 2;
my $y = @x[$i];
print "y=$y\n";
my @q = qw(a, b, c);
print "q: @q\n";
my @c = qw(x #y z);
print "c: @c\n";
my $n = 1_000_000;
my $m = 1__0;
my $o = 10_;
print "nums: $n $m $o\n";
my $f = 1_0.5_0;
print "f=$f\n";
open(my $fh, "<", "/nonexistent/file") || print "open failed\n";
my $r = 1 if 0;
print "end\n";
