# use constant: scalars, lists, hashref form, use in expressions and interpolation.
use strict;
use warnings;

use constant PI => 3.14159;
use constant E => exp(1);
use constant DEBUG => 0;
use constant EMPTY => ();
use constant WEEKDAYS => qw(Mon Tue Wed Thu Fri);
use constant {
    RED   => 0xFF0000,
    GREEN => 0x00FF00,
    NAME  => "constant name",
    UNDEF => undef,
};
use constant ORIGIN => [0, 0];
use constant CONFIG => { depth => 3 };

print "PI: ", PI, " area r=2: ", PI * 2**2, "\n";
printf "E: %.5f\n", E;
print "debug is off\n" unless DEBUG;
print "list constant: ", join(",", WEEKDAYS), " count: ", scalar(my @w = WEEKDAYS), "\n";
print "list element: ", (WEEKDAYS)[1], "\n";
print "empty list constant: ", scalar(my @e = EMPTY), "\n";
printf "hash form: %06X %06X %s\n", RED, GREEN, NAME;
print "undef constant: ", defined(UNDEF) ? "defined" : "undef", "\n";
print "interpolation needs tricks: @{[ PI ]} ${\ NAME}\n";
print "as hash key needs parens: ", join(",", map { "$_" } sort keys %{ { PI, 1, +NAME => 2, NAME() => 3 } }), "\n";
print "array ref constant: ", ORIGIN->[0], ",", ORIGIN->[1], "; mutable inside: ";
push @{ +ORIGIN }, 9;
print scalar(@{ +ORIGIN }), "\n";
print "hash ref constant: ", CONFIG->{depth}, "\n";
print "called as function: ", main::PI(), " ", &PI, " ", __PACKAGE__->can('PI')->(), "\n";
print "constant in condition folded: ", (DEBUG ? "yes" : "no"), "\n";
my $r = eval { my $x = PI; $x = 4; $x };
print "copy is modifiable: $r\n";
package Other;
use constant LOCAL => "other's";
print "package constant: ", LOCAL, " ", Other::LOCAL, " ", main::NAME, "\n";
package main;
print "from main: ", Other::LOCAL, " ", Other->LOCAL, "\n";
use constant SQUARES => map { $_ * $_ } 1 .. 4;
print "computed list: ", join(" ", SQUARES), "\n";
