# I/O return values and $! for failing operations; syswrite/sysseek details.
use strict;
use warnings;

my $f = "/tmp/psh_rio3_ioerr_$$.txt";
open(my $fh, '>', $f) or die "open: $!";
print "syswrite 3: ", syswrite($fh, "abcdef", 3), "\n";
print "syswrite off: ", syswrite($fh, "abcdef", 2, 4), "\n";
print "syswrite neg off: ", syswrite($fh, "abcdef", 10, -2), "\n";
print "syswrite all: ", syswrite($fh, "XY"), "\n";
print "close: ", close($fh), "\n";
{
    local $! = 0;
    my $r = close($fh);
    print "close again: [", (defined $r ? $r : 'undef'), "] $!\n";
}
{
    no warnings;
    local $! = 0;
    my $r = print $fh "x";
    print "print closed: ", (defined $r ? "[$r]" : 'undef'), " $!\n";
    $r = printf $fh "%s", "x";
    print "printf closed: ", (defined $r ? "[$r]" : 'undef'), "\n";
}
open($fh, '<', $f) or die;
my $all = do { local $/; <$fh> };
print "content: [$all]\n";
my @st = stat($fh);
print "stat fields: ", scalar(@st), " size: $st[7]\n";
print "-s fh: ", -s $fh, "\n";
my $p = sysseek($fh, 0, 0);
print "sysseek 0: [$p]\n";
$p = sysseek($fh, 3, 0);
print "sysseek 3: [$p]\n";
my $buf;
my $n = sysread($fh, $buf, 4);
print "sysread: $n [$buf]\n";
$n = sysread($fh, $buf, 10, 2);
print "sysread append: $n [$buf]\n";
$n = sysread($fh, $buf, 10);
print "sysread eof: $n [$buf]\n";
close $fh;

my $r = open(my $bad, '<', "/tmp/psh_rio3_nonexistent_$$/x");
print "open missing: ", (defined $r ? "[$r]" : 'undef'), " $!\n";
print "errno num: ", $! + 0, "\n";
$r = opendir(my $dh, "/tmp/psh_rio3_nonexistent_$$");
print "opendir missing: ", ($r ? 1 : 0), " $!\n";
print "unlink missing: ", unlink("/tmp/psh_rio3_nonexistent_$$"), " $!\n";
my $d = "/tmp/psh_rio3_dir_$$";
print "mkdir: ", mkdir($d), "\n";
print "mkdir again: ", (mkdir($d) ? 1 : 0), " $!\n";
print "rmdir: ", rmdir($d), "\n";
print "rmdir again: ", (rmdir($d) ? 1 : 0), " $!\n";
print "rename missing: ", (rename("$d.x", "$d.y") ? 1 : 0), " $!\n";
print "unlink: ", unlink($f), "\n";
eval { open(my $z, '<', $f) or die "Cannot open $f: $!\n"; };
print "died: ", $@ =~ /^Cannot open \S+: No such file or directory$/ ? "ok" : $@, "\n";
