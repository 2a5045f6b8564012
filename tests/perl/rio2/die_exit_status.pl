# Uncaught die with errno and object: exit status and message on STDERR, END sees $?.
use strict;
use warnings;

END { print "in END: status=$?\n" }

sub level3 { die "deep failure" }
sub level2 { level3() }
sub level1 { level2() }

eval { level1() };
print "caught with location: ", ($@ =~ /^deep failure at \S+ line \d+\.$/ ? "yes" : "no"), "\n";
print "msg: $@";

# die with a number-looking string
eval { die "42\n" };
print "numeric die: ", $@ + 0, "\n";

# die list concatenates
eval { die "a", "b", "c", "\n" };
print "list die: $@";

# $! numeric in die
$! = 2;
my $msg = "$!";
eval { die "err: $!\n" };
print "errno msg: $@";

# die with hash-ref, then stringify check
eval { die { code => 1 } };
print "hash ref: ", ref($@), "\n";

# __LINE__ and caller in die messages
sub where { my @c = caller; return "called from line $c[2]" }
print where(), "\n";

$! = 0;
print "exiting via die\n";
die "Fatal: final\n";
