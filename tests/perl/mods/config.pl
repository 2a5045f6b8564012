# Config (built in) and the version variables.
use strict;
use warnings;
use Config;
print "$Config{osname} $Config{ivsize} $Config{byteorder} $Config{path_sep}\n";
print exists $Config{useithreads} ? "has useithreads\n" : "no useithreads\n";
print "$]\n";
print $] >= 5.010 ? "new\n" : "old\n";
Config::config_vars('osname', 'nosuchvar');
