# Flip-flop range operator in scalar context over lines.
use strict;
use warnings;

my @lines = map { "$_\n" } qw(head1 BEGIN a b END tail BEGIN c END x BEGIN END y);
for (@lines) {
    if (/BEGIN/ .. /END/) {
        print "in2: $_";
    }
}
print "---\n";
for (@lines) {
    if (/BEGIN/ ... /END/) {
        print "in3: $_";
    }
}
print "---\n";
for (@lines) {
    my $seq = /BEGIN/ .. /END/;
    chomp(my $l = $_);
    print "$l => '$seq'\n";
}
print "---\n";
# numeric flip-flop compares with $.
open my $fh, '<', \"l1\nl2\nl3\nl4\nl5\n" or die;
while (<$fh>) {
    print "line $.: $_" if 2 .. 4;
}
close $fh;
print "---\n";
# same-line begin and end with .. vs ...
for (qw(xBEGINEND y z BEGIN w END)) {
    my $two = /BEGIN/ .. /END/;
    my $three = /BEGIN/ ... /END/;
    print "$_: '$two' '$three'\n";
}
