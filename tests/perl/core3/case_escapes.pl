# \U \L \Q \E \u \l in strings, and "Useless use of \E"
use strict; use warnings;
my $s = "MiXed";
print "\Uabc\Qd.e\Ef.g\E\n";
print "\Uab\E \Qa.b\E a\Eb\n";
print "\Ua\Qb\E\E \Ua\Qb\E\n";
print "\U hello \LWORLD\E again\E x\n";
print "\u\LHELLO wORLD\E! \l\UABC\E \LABC\uxyz\E\n";
print "\U$s\E \L$s\E \u$s \l$s \Q$s.\E\n";
my @w = qw(a b); print "\U@w\E|\n";
