# mkdir/rmdir, opendir/readdir (sorted), glob (sorted), sprintf-built names.
use strict;
use warnings;

my $base = "/tmp/psh-difftest-dirs-$$";
mkdir $base or die "mkdir: $!";
print "mkdir existing fails: ", (mkdir($base) ? "ok" : "failed"), "\n";
for my $i (1 .. 5) {
    my $name = sprintf("%s/file_%03d.%s", $base, $i, $i % 2 ? "txt" : "log");
    open(my $fh, '>', $name) or die;
    print $fh "x" x $i;
    close $fh;
}
mkdir "$base/sub" or die;
open(my $h, '>', "$base/.hidden") or die;
close $h;

opendir(my $dh, $base) or die;
my @entries = sort readdir($dh);
closedir $dh;
print "readdir: @entries\n";
opendir($dh, $base) or die;
my @visible = sort grep { !/^\./ } readdir $dh;
closedir $dh;
print "visible: @visible\n";
opendir($dh, $base) or die;
my $count = 0;
while (defined(my $e = readdir $dh)) { $count++ }
closedir $dh;
print "scalar readdir count: $count\n";

my @txt = map { s/^\Q$base\E\///r } sort glob("$base/*.txt");
print "glob txt: @txt\n";
my @all = map { s/^\Q$base\E\///r } sort glob("$base/*");
print "glob all: @all\n";
my @brace = map { s/^\Q$base\E\///r } sort glob("$base/file_00{1,2}.*");
print "glob braces: @brace\n";
my @q = map { s/^\Q$base\E\///r } sort glob("$base/file_00?.log");
print "glob ?: @q\n";
my @none = glob("$base/*.nothing");
print "glob no match: ", scalar(@none), "\n";
my @dirs = map { s/^\Q$base\E\///r } grep { -d } glob("$base/*");
print "dirs via glob+filetest: @dirs\n";
my $total = 0;
$total += -s $_ for glob("$base/*.txt");
print "total txt size: $total\n";
my @angle = map { s/^\Q$base\E\///r } sort <$base/*.log>;
print "angle glob: @angle\n";

# cleanup
my $removed = unlink glob("$base/file_*"), "$base/.hidden";
print "removed files: $removed\n";
print "rmdir sub: ", (rmdir("$base/sub") ? 1 : 0), "\n";
print "rmdir base: ", (rmdir($base) ? 1 : 0), "\n";
print "rmdir missing: ", (rmdir($base) ? 1 : 0), "\n";
