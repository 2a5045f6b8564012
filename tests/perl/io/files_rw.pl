# open for read/write/append/+<, 2-arg open, readline contexts, eof, $., unlink.
use strict;
use warnings;

my $dir = "/tmp/psh-difftest-files-$$";
mkdir $dir or die "mkdir: $!";
my $file = "$dir/data.txt";

open(my $out, '>', $file) or die "open: $!";
print $out "line one\n";
printf $out "%s %d\n", "line", 2;
print {$out} "line three\n";
close($out) or die "close: $!";
print "size after write: ", -s $file, "\n";

open(my $app, '>>', $file) or die;
print $app "appended line\n";
close $app;

open(my $in, '<', $file) or die;
my $first = <$in>;
print "first: $first";
print "line number: $.\n";
my @rest = <$in>;
print "rest count: ", scalar(@rest), " last: $rest[-1]";
print "eof: ", (eof($in) ? 1 : 0), " \$. = $.\n";
close $in;

open($in, '<', $file) or die;
while (my $l = <$in>) {
    chomp $l;
    print "$.: [$l]\n";
}
close $in;

# while (<$fh>) assigns $_ and checks definedness (a line "0" without newline)
open($out, '>', "$dir/zero.txt") or die;
print $out "1\n0";
close $out;
open($in, '<', "$dir/zero.txt") or die;
my @got;
while (<$in>) { push @got, $_ }
close $in;
print "lines incl. final 0: ", scalar(@got), "\n";

# read-write with +<
open(my $rw, '+<', $file) or die;
my $l1 = <$rw>;
seek($rw, 0, 0);
print $rw "LINE";
close $rw;
open($in, '<', $file) or die;
print "after +< overwrite: ", scalar(<$in>);
close $in;

# 2-arg open forms
open(FH, ">$dir/two.txt") or die;
print FH "two-arg\n";
close(FH);
open(FH, "$dir/two.txt") or die;
my $t = <FH>;
close FH;
print "2-arg: $t";
open(FH, "< $dir/two.txt") or die;
print "2-arg with space: ", scalar(<FH>);
close FH;

# bareword handle and local *FH style
sub read_all { my $path = shift; open(my $fh, '<', $path) or return "ERR"; local $/; my $c = <$fh>; close $fh; return $c }
print "slurp length: ", length(read_all($file)), "\n";
print "missing: ", read_all("$dir/nope"), "\n";

# write and read numbers, join/split round trip
open($out, '>', "$dir/nums.txt") or die;
print $out join(",", 1 .. 10), "\n";
close $out;
open($in, '<', "$dir/nums.txt") or die;
chomp(my $nl = <$in>);
close $in;
my $sum = 0;
$sum += $_ for split /,/, $nl;
print "sum from file: $sum\n";

# print return value and closing twice
open($out, '>', "$dir/ret.txt") or die;
my $pr = print $out "x";
print "print returned: $pr\n";
print "close: ", (close($out) ? 1 : 0), "\n";
{
    no warnings;
    print "close again: ", (close($out) ? 1 : 0), "\n";
}

# unlink returns count
my $n = unlink "$dir/data.txt", "$dir/zero.txt", "$dir/two.txt", "$dir/nums.txt", "$dir/ret.txt", "$dir/missing.txt";
print "unlinked: $n\n";
print "exists after unlink: ", (-e $file ? 1 : 0), "\n";
rmdir $dir or die "rmdir: $!";
print "dir removed: ", (-d $dir ? 0 : 1), "\n";
