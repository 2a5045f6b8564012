# seek/tell on real files, binmode, file tests -e -f -d -s -z -r -w -x -M, stat.
use strict;
use warnings;

my $dir = "/tmp/psh-difftest-ft-$$";
mkdir $dir or die;
my $f = "$dir/file.bin";
open(my $fh, '>', $f) or die;
binmode $fh;
print $fh "0123456789ABCDEF";
close $fh;
open($fh, '+<', $f) or die;
binmode $fh;
print "tell at start: ", tell($fh), "\n";
seek($fh, 10, 0);
read($fh, my $buf, 3);
print "read at 10: $buf tell: ", tell($fh), "\n";
seek($fh, -2, 1);
read($fh, $buf, 2);
print "relative seek: $buf\n";
seek($fh, -3, 2);
read($fh, $buf, 10);
print "from end: $buf\n";
seek($fh, 0, 0);
print $fh "xx";
seek($fh, 0, 0);
read($fh, $buf, 4);
print "after overwrite: $buf\n";
print "eof at end: ", do { seek($fh, 0, 2); eof($fh) ? 1 : 0 }, "\n";
close $fh;

my $empty = "$dir/empty";
open($fh, '>', $empty) or die;
close $fh;
my $sub = "$dir/subdir";
mkdir $sub or die;
chmod 0755, $f;
for my $p ($f, $empty, $sub, "$dir/missing") {
    my $name = $p;
    $name =~ s/^\Q$dir\E/DIR/;
    my @t = map { $_ ? 1 : 0 } (-e $p, -f $p, -d $p, -z $p, -r $p, -w $p, -x $p);
    my $size = -d $p ? "dir" : -s $p;
    print "$name: e f d z r w x = @t size=", (defined $size ? ($size || "0/empty") : "undef"), "\n";
}
print "-M is recent: ", ((-M $f) < 1 ? "yes" : "no"), "\n";
print "-s in boolean: ", (-s $empty ? "nonzero" : "zero"), "\n";
my @st = stat($f);
print "stat size: $st[7], fields: ", scalar(@st), "\n";
print "stat missing: ", scalar(my @none = stat("$dir/missing")), "\n";
print "-e on _ (last stat): ", (-e _ ? 1 : 0), "\n";
print "stacked -f -r: ", ((-f -r $f) ? 1 : 0), "\n";
print "rename: ", (rename($f, "$dir/renamed.bin") ? 1 : 0), " old exists: ", (-e $f ? 1 : 0), " new size: ", -s "$dir/renamed.bin", "\n";
unlink "$dir/renamed.bin", $empty;
rmdir $sub;
print "rmdir nonempty fails: ", do { open(my $t, '>', "$dir/keep") or die; close $t; rmdir($dir) ? "removed" : "failed" }, "\n";
unlink "$dir/keep";
print "rmdir: ", (rmdir($dir) ? 1 : 0), "\n";
