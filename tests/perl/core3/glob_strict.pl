# *{"string"} is a symbolic reference: fatal under strict refs
use strict; use warnings;
our @arr = (1, 2);
print *STDOUT, " ", *main::arr, "\n";
my $g = *STDERR; print "$g\n";
eval { my $x = *{"main::arr"} }; print $@;
eval { my $x = *{"main::arr"}{ARRAY} }; print $@;
eval { no strict 'refs'; my $x = *{"main::arr"}{ARRAY}; print "@$x\n" }; print $@;
{ no strict 'refs'; *{"main::dyn"} = sub { "dynamic" }; }
print main::dyn(), "\n";
my $name = "arr";
eval { *$name = [5] }; print $@;
{ no strict 'refs'; print scalar(@{*$name}), "\n"; }
