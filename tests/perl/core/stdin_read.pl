# Reading STDIN (fed from stdin_read.stdin by the harness).
use strict;
use warnings;

my $first = <STDIN>;
chomp $first;
print "first: [$first] line no $.\n";
my $second = readline(*STDIN);
print "second: $second";
my @rest;
while (my $line = <STDIN>) {
    chomp $line;
    last if $line eq '10';
    push @rest, $line;
}
print "until 10: ", join("|", @rest), " (line $.)\n";
my @remaining = <STDIN>;
chomp @remaining;
my $sum = 0;
$sum += $_ for @remaining;
print "remaining: @remaining sum $sum\n";
print "eof: ", (eof(STDIN) ? 1 : 0), "\n";
my $more = <STDIN>;
print "after eof: ", defined $more ? "defined" : "undef", "\n";
print "final \$.: $.\n";
