# open modes: <, >, >>, +<, +>, in-memory, dup, and error messages with $!.
use strict;
use warnings;

my $dir = "/tmp/psh_rio2_open_$$";
mkdir $dir or die "mkdir: $!";
my $f = "$dir/data.txt";

open(my $out, '>', $f) or die "open: $!";
print $out "line1\nline2\n";
printf $out "%s=%d\n", "x", 42;
close $out or die "close: $!";
print "size: ", -s $f, "\n";

open(my $app, '>>', $f) or die;
print {$app} "appended\n";
close $app;

open(my $in, '<', $f) or die;
my @lines = <$in>;
close $in;
print "lines: ", scalar(@lines), " last: $lines[-1]";

# +< read/write in place
open(my $rw, '+<', $f) or die "rw: $!";
my $first = <$rw>;
print "first: $first";
seek($rw, 0, 0);
print $rw "LINE1";
seek($rw, 0, 0);
my @all = <$rw>;
close $rw;
print "after rw: $all[0]";

# +> truncates
open(my $tr, '+>', $f) or die;
print $tr "fresh\n";
seek($tr, 0, 0);
my $got = <$tr>;
close $tr;
print "truncated: $got";

# two-argument open
open(FH, ">$f") or die;
print FH "two-arg\n";
close(FH);
open(FH, $f) or die;
my $l = <FH>;
close FH;
print "2arg: $l";

# error messages
my $missing = "$dir/nope/none.txt";
if (!open(my $bad, '<', $missing)) {
    print "error: $!\n";
    printf "errno num nonzero: %s\n", ($! + 0 ? "yes" : "no");
}
eval { open(my $x, '<', "$dir/missing.txt") or die "Cannot open missing.txt: $!\n"; };
print "die msg: $@";
if (!open(my $d, '>', $dir)) { print "dir as file: $!\n" }

# in-memory files
my $buf = "";
open(my $mem, '>', \$buf) or die;
print $mem "hello ";
printf $mem "%03d\n", 7;
close $mem;
print "mem: $buf";
open(my $mr, '<', \"a\nb\nc\n") or die;
my @m = <$mr>;
print "mem lines: ", scalar(@m), "\n";
close $mr;
my $abuf = "start\n";
open(my $ma, '>>', \$abuf) or die;
print $ma "more\n";
close $ma;
print "mem append: $abuf";

# dup STDOUT
open(my $dup, '>&', \*STDOUT) or die "dup: $!";
print $dup "via dup\n";
close $dup;
open(my $dup2, ">&STDOUT") or die;
print $dup2 "via dup2\n";
close $dup2;
open(my $errdup, '>&', STDERR) or die;
print $errdup "to stderr dup\n";
close $errdup;

# reading a file opened for write fails quietly
open(my $wo, '>', $f) or die;
my $r = <$wo>;
print "read from write handle: ", (defined $r ? "def" : "undef"), "\n";
close $wo;

# close return value on unopened
{
    no warnings;
    my $c = close(NEVER);
    print "close unopened: ", ($c ? "true" : "false"), "\n";
}

unlink $f or die "unlink: $!";
rmdir $dir or die "rmdir: $!";
print "exists after: ", (-e $dir ? "yes" : "no"), "\n";
