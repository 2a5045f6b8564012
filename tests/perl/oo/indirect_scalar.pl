# Indirect object syntax with a scalar invocant (`METHOD $obj ARGS`, no
# comma after the object) and subscripts straight after a list slice.
use strict;
use warnings;
package Obj;
sub new { my $class = shift; bless [@_], $class }
sub doit { my ($self, $what) = @_; "did $what with " . scalar(@$self) }
package main;
my $class = "Obj";
my $o = new $class (1, 2, 3);
print ref($o), " @$o\n";
my $r = doit $o "FOO";
print "$r\n";
print(({ foo => "bar" })[0]{foo}, "\n");
print((([1, [2, 3]])[0])->[1][1], "\n");
my @pair = (10, 20, 30)[1, 2];
print "@pair\n";
