# binmode / :utf8 / :encoding layers with wide characters, length vs bytes.
use strict;
use warnings;

my $dir = "/tmp/psh_rio2_utf8_$$";
mkdir $dir or die;
my $f = "$dir/u.txt";

my $wide = "caf\x{e9} \x{263a} \x{65e5}\x{672c}";
open my $o, '>:encoding(UTF-8)', $f or die;
print $o "$wide\n";
close $o;
print "bytes on disk: ", -s $f, "\n";

open my $raw, '<', $f or die;
my $rawline = <$raw>;
close $raw;
chomp $rawline;
print "raw length: ", length($rawline), "\n";
print "raw hex: ", join(" ", map { sprintf "%02x", ord } split //, substr($rawline, 0, 6)), "\n";

open my $u, '<:utf8', $f or die;
my $uline = <$u>;
close $u;
chomp $uline;
print "utf8 length: ", length($uline), "\n";
print "equal: ", ($uline eq $wide ? "yes" : "no"), "\n";
printf "ord of 6th: %x\n", ord(substr($uline, 5, 1));

# binmode on an already-open handle
open my $b, '<', $f or die;
binmode $b, ':encoding(UTF-8)';
my $bl = <$b>;
close $b;
chomp $bl;
print "binmode length: ", length($bl), "\n";

# utf8::encode / decode / upgrade / is_utf8
my $s = "\x{263a}";
my $copy = $s;
utf8::encode($copy);
print "encoded length: ", length($copy), "\n";
utf8::decode($copy);
print "decoded length: ", length($copy), " same: ", ($copy eq $s ? 1 : 0), "\n";
my $latin = "\xe9";
print "latin is_utf8: ", (utf8::is_utf8($latin) ? 1 : 0), "\n";

# writing to STDOUT with :utf8
binmode STDOUT, ':utf8';
print "stdout: $wide\n";
print "ucfirst: ", ucfirst("\x{e9}t\x{e9}"), "\n";
binmode STDOUT;

# writing latin-1 without layer gives single bytes
open my $l1, '>', $f or die;
print $l1 "\xe9\xe8";
close $l1;
print "latin1 bytes: ", -s $f, "\n";

# raw layer with binary data
open my $bin, '>:raw', $f or die;
print $bin pack("C*", 0, 1, 255, 10, 13);
close $bin;
open $bin, '<:raw', $f or die;
local $/;
my $data = <$bin>;
close $bin;
print "binary: ", join(",", unpack("C*", $data)), "\n";

# in-memory with utf8 encoding
my $mem = "";
open my $m, '>:encoding(UTF-8)', \$mem or die;
print $m "\x{100}";
close $m;
print "mem bytes: ", length($mem), "\n";

# sprintf/length with wide chars
my $pad = sprintf("%-4s|", "\x{263a}");
print "pad length: ", length($pad), "\n";
# read() on utf8 handle counts characters
open my $w, '>:utf8', $f or die;
print $w "\x{3b1}\x{3b2}\x{3b3}xyz";
close $w;
open my $r, '<:utf8', $f or die;
my $n = read($r, my $buf, 4);
close $r;
print "read chars: $n, len ", length($buf), "\n";

unlink $f;
rmdir $dir or die;
