# IO::Handle's format_* methods on a lexical handle and on STDOUT.
use IO::Handle;
our ($n, $v);
open(my $out, '>', '/tmp/psh_fmh.$$.txt') or die;
format REPORT_TOP =
Name       Value  p@<
$%
----------------
.
format REPORT =
@<<<<<<<<< @>>>>
$n,        $v
.
my $old = $out->format_name("REPORT");
$out->format_top_name("REPORT_TOP");
$out->format_lines_per_page(5);
print "old: $old\n";
for (1..4) { ($n, $v) = ("item$_", $_ * 10); write $out; }
print "left: ", $out->format_lines_left, " page: ", $out->format_page_number, " len: ", $out->format_lines_per_page, " name: ", $out->format_name, "\n";
close $out;
open(my $in, '<', '/tmp/psh_fmh.$$.txt'); print <$in>; unlink '/tmp/psh_fmh.$$.txt';
STDOUT->format_name("REPORT"); ($n, $v) = ("stdout", 1); write;
print "stdout name: $~\n";
