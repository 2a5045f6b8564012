# IO::File: new with modes (r, w, <, >>, O_RDONLY), new_tmpfile, methods, failure.
use strict; use warnings;
use IO::File;
my $f = "/tmp/psh_iof_$$.txt";
my $fh = IO::File->new($f, "w") or die "open: $!";
print $fh "line1\nline2\n";
$fh->print("line3\n");
$fh->printf("%03d\n", 7);
$fh->close;
my $in = IO::File->new($f, "r") or die;
my @l = <$in>; print "read ", scalar(@l), " lines: $l[0]";
$in->close;
$in = IO::File->new("< $f") or die; my $first = $in->getline; print "first: $first"; undef $in;
$in = IO::File->new($f, O_RDONLY) or die; print "sysopen: ", scalar(<$in>);
my $a = IO::File->new(">> $f") or die; print $a "appended\n"; $a->close;
open(my $c, '<', $f) or die; my @all = <$c>; close $c; print "total ", scalar(@all), " last $all[-1]";
my $t = IO::File->new_tmpfile or die "tmp"; print $t "tmpdata\n"; seek($t, 0, 0); print "tmp: ", scalar(<$t>);
print defined(IO::File->new("/nonexistent/x", "r")) ? "bad\n" : "undef ok\n";
unlink $f;
