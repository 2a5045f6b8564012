# File tests, opendir/readdir, glob, mkdir/rmdir/rename/unlink, sprintf filenames.
use strict;
use warnings;

my $dir = "/tmp/psh_rio2_ft_$$";
mkdir $dir or die "mkdir: $!";
print "mkdir again: ", (mkdir($dir) ? "ok" : "failed: $!"), "\n";

for my $i (1 .. 3) {
    my $name = sprintf("%s/file_%02d.txt", $dir, $i);
    open my $fh, '>', $name or die "$name: $!";
    print $fh "x" x ($i * 10);
    close $fh;
}
open my $e, '>', "$dir/empty.dat" or die; close $e;
mkdir "$dir/sub" or die;

for my $n (qw(file_01.txt empty.dat sub missing)) {
    my $p = "$dir/$n";
    printf "%-12s e=%d f=%d d=%d z=%d s=%s r=%d\n", $n,
        (-e $p ? 1 : 0), (-f $p ? 1 : 0), (-d $p ? 1 : 0), (-z $p ? 1 : 0),
        (defined(-s $p) ? (-s _ || 0) : 'u'), (-r $p ? 1 : 0);
}
print "-s returns size: ", -s "$dir/file_03.txt", "\n";
print "-s empty: '", (-s "$dir/empty.dat"), "'\n";
print "-M recent: ", ((-M "$dir/file_01.txt") < 1 ? "yes" : "no"), "\n";
print "stacked -f -s: ", ((-f -s "$dir/file_02.txt") ? "yes" : "no"), "\n";
print "underscore: ", (-e "$dir/file_01.txt" && -f _ ? "file" : "?"), "\n";

opendir(my $dh, $dir) or die "opendir: $!";
my @entries = sort grep { !/^\.\.?$/ } readdir($dh);
closedir $dh;
print "readdir: @entries\n";

opendir($dh, $dir) or die;
my $cnt = 0;
while (my $ent = readdir $dh) { $cnt++ }
closedir $dh;
print "entries incl dots: $cnt\n";

my @txt = map { s{.*/}{}r } sort glob("$dir/*.txt");
print "glob: @txt\n";
my @brace = map { s{.*/}{}r } sort glob("$dir/file_0{1,3}.txt");
print "brace: @brace\n";
my @none = glob("$dir/*.nomatch");
print "no match: ", scalar(@none), "\n";
my @angle = map { s{.*/}{}r } sort <$dir/*.dat>;
print "angle glob: @angle\n";

rename("$dir/file_01.txt", "$dir/renamed.txt") or die "rename: $!";
print "renamed: ", (-e "$dir/renamed.txt" ? 1 : 0), (-e "$dir/file_01.txt" ? 1 : 0), "\n";
print "rename missing: ", (rename("$dir/nope", "$dir/x") ? "ok" : "failed: $!"), "\n";

print "rmdir nonempty: ", (rmdir($dir) ? "ok" : "failed: $!"), "\n";
my $n = unlink "$dir/renamed.txt", "$dir/file_02.txt", "$dir/file_03.txt", "$dir/nothere";
print "unlinked: $n\n";
print "unlink missing: ", (unlink("$dir/nothere") ? "ok" : "failed: $!"), "\n";
unlink glob("$dir/*.dat");
rmdir "$dir/sub" or die "rmdir sub: $!";
opendir($dh, $dir) or die;
my @left = grep { !/^\./ } readdir $dh;
closedir $dh;
print "left: ", scalar(@left), "\n";
rmdir $dir or die "rmdir: $!";
print "dir gone: ", (-d $dir ? "no" : "yes"), "\n";
print "opendir missing: ", (opendir(my $x, $dir) ? "ok" : "failed: $!"), "\n";
