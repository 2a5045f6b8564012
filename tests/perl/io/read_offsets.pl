# read with offsets into character buffers (wide characters), negative
# offsets, padding with NULs, and a :utf8 handle counting characters.
use strict;
use warnings;
my $file = "/tmp/psh_read_offsets_$$.txt";
open(my $o, '>:utf8', $file) or die; print $o "h\x{e9}llo \x{263a} world"; close $o;
sub show { join ",", map { ord } split //, $_[0] }
open(my $fh, '<', $file) or die;
my $buf = join "", map { chr } 258 .. 263;
my $n = read($fh, $buf, 3, 2);
print "$n: ", show($buf), "\n";
my $b2 = "ab";
$n = read($fh, $b2, 2, 5);
print "$n: ", show($b2), "\n";
my $b3 = "abcdef";
$n = read($fh, $b3, 2, -2);
print "$n: ", show($b3), "\n";
close $fh;
open($fh, '<:utf8', $file) or die;
my $c = "";
$n = read($fh, $c, 8);
print "$n chars: ", show($c), "\n";
eval { my $d = "ab"; read($fh, $d, 1, -5) }; print "err: ", ($@ =~ /Offset outside string/ ? "offset outside\n" : "none\n");
close $fh;
unlink $file;
