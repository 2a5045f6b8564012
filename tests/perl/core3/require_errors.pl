# require: missing modules, and a module that failed stays failed
use strict; use warnings;
for my $m (qw(No::Such::Thing Another::Missing)) {
    my $ok = eval "require $m; 1";
    print "$m: ", ($ok ? "ok" : ($@ =~ /^Can't locate \S+ in \@INC \(you may need to install the \Q$m\E module\)/ ? "missing" : "other: $@")), "\n";
}
eval { require No::Such::Thing }; print $@ =~ /^Can't locate No\/Such\/Thing.pm/ ? "again missing\n" : "bad\n";
eval { require 5.006 }; print "version: [", $@, "]\n";
print exists $INC{'No/Such/Thing.pm'} ? "in INC\n" : "not in INC\n";
