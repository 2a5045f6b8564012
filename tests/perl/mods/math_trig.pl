# Math::Trig (through Math::Complex) and Sub::Util.
use strict; use warnings;
use Math::Trig;
printf "%.4f %.4f %.4f\n", pi, deg2rad(180), rad2deg(pi/2);
printf "%.4f\n", tan(pi/4);
use Sub::Util qw(subname);
sub foo {} print subname(\&foo), " ", subname(sub {}), "\n";
