# die with a non-string object that is never caught prints its stringification;
# use an object with overloaded stringification to keep it deterministic.
use strict;
use warnings;

package MyError;
use overload '""' => sub { "MyError: " . $_[0]{msg} . "\n" }, fallback => 1;
sub new { my ($class, $msg) = @_; bless { msg => $msg }, $class }

package main;
print "about to die with object\n";
die MyError->new("went wrong");
