# truncate (path and handle), flock, utime (times and undef = now, a missing file not counted), chown to the current owner
use strict; use warnings; use Fcntl qw(:flock);
my $f = "/tmp/psh_fo_$$.txt";
open(my $fh, '>', $f) or die; print $fh "hello world\n"; close $fh;
truncate($f, 5) or die "truncate: $!"; print -s $f, "\n";
open($fh, '+<', $f) or die; truncate($fh, 2) or die; close $fh; print -s $f, "\n";
open($fh, '<', $f) or die; print flock($fh, LOCK_SH) ? "locked\n" : "no lock: $!\n"; flock($fh, LOCK_UN); close $fh;
print utime(1000000000, 1000000000, $f), " ", (stat $f)[9], "\n";
print utime(undef, undef, $f, "/nonexistent"), " ", ((stat $f)[9] > 1000000000 ? "now" : "old"), "\n";
print chown($<, $(+0, $f), "\n";
unlink $f;
