# formats: pages ($= $% $^L top-of-page), formline and $^A, ^<<<... , numeric overflow, write to a lexical handle via select, multi-line {} arguments
use strict; use warnings;
my @rows = map { { name => "item$_", qty => $_ * 7, price => $_ * 1.25, note => "note number $_ " x ($_ % 3 + 1) } } 1..7;
my ($name, $qty, $price, $note);
format STDOUT_TOP =
Page @<<
$%
Name     Qty    Price  Note
-------- --- -------- ---------------
.
format STDOUT =
@<<<<<<< @>> @###.## ^<<<<<<<<<<<<<<
$name,   $qty, $price, $note
~~                     ^<<<<<<<<<<<<<<
                       $note
.
$= = 12;
$^L = "--formfeed--\n";
for my $r (@rows) {
    ($name, $qty, $price, $note) = @{$r}{qw(name qty price note)};
    write;
}
print "page=$% left=$-\n";
# formline and $^A directly
$^A = "";
formline("@<<< @>>>> @|||||| @##.#\n", "ab", "cd", "mid", 3.14159);
print $^A;
$^A = "";
my $long = "The quick brown fox jumps over the lazy dog";
formline("^<<<<<<<<<...\n", $long);
print $^A, "rest: $long\n";
# overflow and blanks
$^A = "";
formline(q{[@##] [^##] [@0###] [@.##]}."\n", 12345, undef, 42, 0.5);
print $^A;
# a format on another handle, selected with the select idiom
open(my $fh, '>', \my $buf) or die;
format REPORT =
== @|||||||||| ==
$name
.
my $old = select($fh); $~ = "REPORT"; select($old);
$name = "centered";
write($fh);
close $fh;
print "buf: $buf";
print "~ is $~, ^ is ", $^, "\n";
# multi-line braces
format MULTI =
@<<<<< @<<<<<
{
  "one",
  "two"
}
@*
"last\nlines\n"
.
$~ = "MULTI";
write;
