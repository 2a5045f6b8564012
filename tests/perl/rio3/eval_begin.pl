# use and BEGIN inside eval STRING; BEGIN failures; require failures.
use strict;
use warnings;

my $r = eval "use NoSuch::Module::Here; 1";
print "use missing: ", (defined $r ? $r : 'undef'), "\n";
print "message: ", ($@ =~ /^Can't locate NoSuch\/Module\/Here\.pm in \@INC \(you may need to install the NoSuch::Module::Here module\) \(\@INC contains: .*\) at \(eval \d+\) line 1\.\nBEGIN failed--compilation aborted at \(eval \d+\) line 1\.\n\z/ ? "ok" : $@), "\n";

$r = eval "BEGIN { die qq{begin died\\n} } 1";
print "begin die: ", (defined $r ? $r : 'undef'), "\n";
(my $e = $@) =~ s/\(eval \d+\)/(eval N)/g;
print "message: $e";

$r = eval "BEGIN { print qq{begin runs first\\n} } print qq{then the code\\n}; 7";
print "result: $r\n";

$r = eval "use strict; my \$x = 5; \$x * 2";
print "use strict in eval: $r\n";

$r = eval "use List::Util qw(sum); sum(1, 2, 3)";
print "imported in eval: $r\n";

eval { require No::Such::Thing };
print "require: ", ($@ =~ /^Can't locate No\/Such\/Thing\.pm in \@INC \(you may need to install the No::Such::Thing module\) \(\@INC contains: / ? "ok" : $@), "\n";
print "errno after require: ", ($! + 0 ? "set" : "unset"), "\n";

eval { require "no_such_file_$$.pl" };
print "require file: ", ($@ =~ /^Can't locate no_such_file_\d+\.pl in \@INC \(\@INC contains: / ? "ok" : $@), "\n";
