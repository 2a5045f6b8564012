# A sub defined after `use` imports one of the same name: the file's own
# definition wins (perl compiles it after the import), with perl's warnings.
use strict;
use warnings;
use POSIX;
sub floor {
    return 42;
}
sub remove { "mine" }
use List::Util qw(max first);
sub max { return "mymax" }
print floor(2.5), " ", remove(), " ", max(1, 2), " ", first { $_ > 1 } 1, 2, 3;
print "\n";
print ceil(2.5), "\n";
