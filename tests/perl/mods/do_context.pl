# do FILE passes its context to the file's code.
use strict;
use warnings;
my $file = "/tmp/psh_do_ctx_$$.pl";
open my $fh, '>', $file or die;
print $fh 'print defined(wantarray) ? (wantarray ? "list\n" : "scalar\n") : "void\n"; (1, 2, 3)';
close $fh;
do $file;
my @a = do $file;
my $s = do $file;
print "list got @a, scalar got $s\n";
unlink $file;
