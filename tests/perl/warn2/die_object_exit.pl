# Uncaught die with an object: the stringified object goes to STDERR.
use strict;
use warnings;

package MyErr;
use overload '""' => sub { "MyErr: " . $_[0]{msg} . "\n" }, fallback => 1;
sub new { my ($c, %a) = @_; bless {%a}, $c }
sub throw { my $c = shift; die $c->new(@_) }

package main;
eval { MyErr->throw(msg => "caught") };
print "caught: $@";
print "isa: ", (ref $@ && $@->isa("MyErr") ? 1 : 0), "\n";
$! = 0;
END { print "in END, status ", $?, "\n" }
MyErr->throw(msg => "fatal");
