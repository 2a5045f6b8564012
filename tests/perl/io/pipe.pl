# pipe: bareword handles (also under strict) and lexical ones, and a pipe
# between a forked child and its parent.
use strict;
use warnings;
pipe(READ, WRITE) or die "pipe: $!";
print WRITE "through the pipe\n";
close WRITE;
my $line = <READ>;
print "got: $line";
close READ;
pipe(my $r, my $w) or die;
print $w "lexical $_\n" for 1 .. 3;
close $w;
my @all = <$r>;
print "lines: ", scalar(@all), " last: $all[-1]";
pipe RD, WR;
my $pid = fork;
die "fork: $!" unless defined $pid;
if (!$pid) { close RD; print WR "from the child\n"; close WR; exit 0 }
close WR;
print "parent read: ", scalar <RD>;
waitpid($pid, 0);
print "child status: $?\n";
