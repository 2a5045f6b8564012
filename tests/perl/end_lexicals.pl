# END blocks of a required file see that file's lexicals; ::name calls;
# *FH{IO} outlives a local *FH; `use Symbol` exports gensym as a bareword.
use strict;
use warnings;
require './end_lexicals.inc';
my ($x, $y) = (42, 43);
bump('a'); bump('b');
sub twice { return ::bump($_[0]) unless 0; }
twice('c');
print "main: x=$x y=$y\n";
my $io;
{
    local *FH;
    open(FH, '<', 'end_lexicals.inc') or die "open: $!";
    $io = *FH{IO};
}
print "ref: ", ref($io), "\n";
my $first = <$io>;
print "first line: $first";
close $io;
use Symbol;
my $g = gensym;
print "gensym: ", ref($g), "\n";
{
    local *STDERR;
    print "stderr localized: ", (defined fileno(STDERR) ? "open" : "closed"), "\n";
}
print "stderr back: ", (defined fileno(STDERR) ? "open" : "closed"), "\n";
END { print "END of main\n" }
