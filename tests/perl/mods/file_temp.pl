# File::Temp: tempfile, tempdir (CLEANUP), the object interface (removed when it goes).
use strict;
use warnings;
use File::Temp qw(tempfile tempdir);

my $dir = tempdir(CLEANUP => 1);
print -d $dir ? "dir ok\n" : "no dir\n";
my ($fh, $name) = tempfile(DIR => $dir, SUFFIX => '.txt');
print $fh "hello\n";
close $fh;
print -s $name, " bytes, suffix ", ($name =~ /\.txt$/ ? "ok" : "bad"), "\n";
open my $in, '<', $name or die;
print scalar(<$in>);
close $in;
print index($name, $dir) == 0 ? "in dir\n" : "elsewhere\n";

my $fn;
{
    my $tmp = File::Temp->new(SUFFIX => '.dat');
    print $tmp "data\n";
    $tmp->flush;
    $fn = $tmp->filename;
    print -e $fn ? "exists\n" : "missing\n";
    print "$tmp" eq $fn ? "stringify ok\n" : "bad\n";
    print ref($tmp), "\n";
}
print -e $fn ? "still there\n" : "removed\n";

my ($fh2, $n2) = tempfile("pshtestXXXXX", TMPDIR => 1, UNLINK => 1);
print defined $fh2 && $n2 =~ m{/pshtest\w{5}$} ? "template ok\n" : "bad $n2\n";
close $fh2;
