# :crlf layers, binmode, PerlIO::get_layers, ungetc, and re-opening an
# open handle (which closes it first, so its output reaches the file).
use strict;
use warnings;
use IO::Handle;

my $file = "/tmp/psh_crlf_$$.txt";

open(my $out, ">:crlf", $file) or die "open: $!";
print $out "one\ntwo\n", "three\n";
printf $out "%s\n", "four";
close $out or die;

open(my $raw, "<", $file) or die;
binmode $raw;
my $bytes = do { local $/; <$raw> };
close $raw;
print "raw: ", join(" ", map { sprintf "%02x", ord } split //, $bytes), "\n";

open(my $in, "<:crlf", $file) or die;
my @lines = <$in>;
print "lines: ", scalar(@lines), " last=[", join("|", map { s/\n/\\n/r } @lines), "]\n";
close $in;

# tell and seek count the bytes in the file.
open($in, "<:crlf", $file) or die;
my $first = <$in>;
my $pos = tell $in;
print "after first line tell=$pos\n";
my $second = <$in>;
seek $in, $pos, 0;
print "re-read: ", (scalar(<$in>) eq $second ? "same" : "different"), "\n";
close $in;

# In-memory handles with :crlf, a multi-character $/.
my $text = join "", map { "$_\r\n" } "a" .. "e";
open(my $mem, "<:crlf", \$text) or die;
{
    local $/ = "c";
    my $r = <$mem>;
    print "mem record: ", $r =~ s/\n/\\n/gr, " tell=", tell($mem), "\n";
}
my $rest = do { local $/; <$mem> };
print "mem rest: ", $rest =~ s/\n/\\n/gr, "\n";

# A \r not before \n stays.
my $odd = "x\ry\r\r\nz\r";
open($mem, "<:crlf", \$odd) or die;
my $all = do { local $/; <$mem> };
print "odd: ", join(" ", map { sprintf "%02x", ord } split //, $all), "\n";

# binmode without a layer removes :crlf and :utf8.
open($out, ">", $file) or die;
binmode $out, ":crlf";
binmode $out, ":crlf";    # not twice
print $out "x\n";
binmode $out;
print $out "y\n";
close $out;
open($raw, "<:raw", $file) or die;
$bytes = do { local $/; <$raw> };
print "mixed: ", join(" ", map { sprintf "%02x", ord } split //, $bytes), "\n";
close $raw;

open($out, ">", $file) or die;
print "layers: ", join(",", PerlIO::get_layers($out)), "\n";
binmode $out, ":utf8";
print "with utf8: ", join(",", PerlIO::get_layers($out)), "\n";
binmode $out;
print "after binmode: ", join(",", PerlIO::get_layers($out)), "\n";
close $out;
print "find perlio: ", (PerlIO::Layer->find('perlio') ? "yes" : "no"), "\n";
print "find nosuch: ", (PerlIO::Layer->find('nosuch') ? "yes" : "no"), "\n";

# ungetc puts bytes back in front.
my $data = "hello";
open($mem, "<", \$data) or die;
my $c = getc $mem;
$mem->ungetc(ord "J");
$mem->ungetc(ord "!");
print "ungetc: ", join("", map { getc $mem } 1 .. 6), "\n";
for my $i (0 .. 299) { $mem->ungetc($i % 256) }
my $ok = 1;
for (my $i = 299; $i >= 0; $i--) { $ok &&= ord(getc $mem) == $i % 256 }
print "ungetc many: ", ($ok ? "ok" : "not ok"), "\n";

# Opening an open handle closes it first: its buffered output is in the
# file when the same handle reads it back.
open(FOO, ">", $file) or die;
print FOO "line $_\n" for 1 .. 3;
open(FOO, "<", $file) or die;
my @back = <FOO>;
print "reopened: ", scalar(@back), " lines\n";
close FOO;

# A handle whose last reference goes is closed (and flushed).
{
    open(my $fh, ">", $file) or die;
    print $fh "scoped\n";
}
open($in, "<", $file) or die;
print "scoped: ", scalar(<$in>);
close $in;

# An alias of a glob sees the handle re-opened through the other name.
open(LOG, ">", $file) or die;
*ALIAS = *LOG;
open(ALIAS, ">>", $file) or die;
print LOG "via LOG\n";
close ALIAS;
open($in, "<", $file) or die;
print "alias: ", scalar(<$in>);
close $in;

unlink $file;
