# BEGIN blocks and `use` inside string evals run as the eval compiles
use strict; use warnings;
my $r = eval q{ BEGIN { our $early = 5 } our $early; $early * 2 }; print "$r\n";
eval "BEGIN { die qq{boom\\n} } print qq{never\\n};"; print "err: $@";
my $ok = eval "use List::Util qw(sum max); 1"; print "lu: ", ($ok ? "loaded" : "failed"), "\n";
print eval "use List::Util qw(sum); sum(1, 2, 3)", "\n";
eval "use No::Such::Module; 1" or print $@ =~ /^Can't locate No\/Such\/Module.pm in \@INC.*\nBEGIN failed--compilation aborted at \(eval \d+\) line 1\.\n\z/s ? "missing module ok\n" : "bad: $@";
eval "BEGIN { die { code => 7 } } 1"; print "ref err: ", ($@ =~ /^HASH\(0x[0-9a-f]+\)BEGIN failed/ ? "stringified" : "no"), "\n";
eval "1;\n\nBEGIN { die qq{late\\n} }"; print "line: $@";
