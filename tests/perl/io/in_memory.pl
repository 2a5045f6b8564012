# In-memory filehandles: open on scalar refs for reading, writing, appending.
use strict;
use warnings;

my $buf = "alpha\nbeta\ngamma\n";
open(my $in, '<', \$buf) or die;
my @lines = <$in>;
close $in;
print "read lines: ", scalar(@lines), " first: $lines[0]";
open($in, '<', \$buf) or die;
while (my $l = <$in>) { chomp $l; print "$.:$l " }
print "\n";
close $in;
my $out_buf = "";
open(my $out, '>', \$out_buf) or die;
print $out "written ";
printf $out "%03d", 7;
close $out;
print "out buffer: [$out_buf]\n";
open($out, '>>', \$out_buf) or die;
print $out " appended";
close $out;
print "appended: [$out_buf]\n";
open($out, '>', \$out_buf) or die;
print $out "truncated";
close $out;
print "truncated: [$out_buf]\n";
# select and $| on in-memory handle
my $captured = "";
open(my $cap, '>', \$captured) or die;
my $old = select($cap);
print "via select";
select($old);
close $cap;
print "captured: [$captured]\n";
# read with read()
my $data = "0123456789";
open($in, '<', \$data) or die;
my $n = read($in, my $chunk, 4);
print "read $n: $chunk\n";
$n = read($in, $chunk, 3, length $chunk);
print "read with offset $n: $chunk\n";
$n = read($in, $chunk, 100);
print "read rest $n: $chunk\n";
$n = read($in, $chunk, 10);
print "read at eof: $n [$chunk]\n";
close $in;
# getc
open($in, '<', \"xyz") or die;
my @c;
while (defined(my $ch = getc($in))) { push @c, $ch }
print "getc: @c\n";
close $in;
# tell/seek on in-memory
open($in, '<', \"hello world") or die;
seek($in, 6, 0);
print "after seek: ", scalar(<$in>), " tell: ", tell($in), "\n";
seek($in, -5, 2);
read($in, my $end, 5);
print "seek from end: $end\n";
close $in;
# line-by-line parsing of a CSV-ish buffer
my $csv = "name,qty\napple,3\npear,5\n";
open($in, '<', \$csv) or die;
my $header = <$in>;
chomp $header;
my @cols = split /,/, $header;
my $total = 0;
while (<$in>) {
    chomp;
    my %row;
    @row{@cols} = split /,/;
    $total += $row{qty};
}
close $in;
print "total qty: $total\n";
# reading an empty buffer
my $empty = "";
open($in, '<', \$empty) or die;
my $line = <$in>;
print "empty read: ", (defined $line ? "defined" : "undef"), " eof: ", (eof($in) ? 1 : 0), "\n";
close $in;
