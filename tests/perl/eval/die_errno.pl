# open ... or die "...: $!" — the message, and die's exit status from $!.
use strict;
use warnings;

my $missing = "/nonexistent-dir-psh-test/file.txt";
my $ok = open(my $fh, '<', $missing);
print "open returned: ", ($ok ? "true" : "false"), "\n";
print "errno text: $!\n";
print "errno num: ", ($! + 0), "\n";
printf "ENOENT? %s\n", ($!{ENOENT} ? "yes" : "no");
eval { open(my $fh2, '<', $missing) or die "Cannot open $missing: $!\n" };
print "caught: $@";
$! = 13;
print "set errno 13: $!\n";
$! = 0;
open(my $fh3, '<', $missing) or die "Cannot open $missing: $!";
