# Escapes and case modifiers, unicode output via binmode.
use strict;
use warnings;
binmode STDOUT, ':encoding(UTF-8)';

print "tab:[\t] nl escaped, bell len ", length("\a"), " esc len ", length("\e"), "\n";
print "hex: \x41\x42 \x{263A} \x{1F600} len ", length("\x{263A}"), "\n";
print "named: \N{U+263A} \N{U+00E9}\n";
print "octal: \101\102 len ", length("\0"), " ", ord("\012"), " ", ord("\o{101}"), "\n";
print "control: ", ord("\cA"), " ", ord("\c["), "\n";
print "upper: \Uhello world\E done\n";
print "lower: \LHELLO World\E Done\n";
print "ucfirst: \uhello \lWORLD\n";
print "combo: \u\LHELLO wORLD\E!\n";
my $name = "perl lang";
print "interp with case: \U$name\E and \u$name\n";
print "quotemeta: \Qa.b*c\E and ", quotemeta("1+1=2?"), "\n";
my $re = "a.c";
print "match literal: ", ("abc" =~ /^\Q$re\E$/ ? "yes" : "no"), " ", ("a.c" =~ /^\Q$re\E$/ ? "yes" : "no"), "\n";
print "ord/chr: ", ord("A"), " ", chr(9786), " ", ord("\x{263A}"), " ", chr(65) . chr(0x263A), "\n";
print "lc/uc unicode: ", uc("\x{e9}t\x{e9}"), " ", lc("\x{c9}COLE"), " ", ucfirst("\x{e9}cole"), "\n";
print "length of utf8 chars: ", length("\x{263A}\x{263B}abc"), "\n";
print "backslash: \\ and \" and \$ and \@\n";
print 'single: \n \\ \' end', "\n";
print "sprintf unicode: ", sprintf("%s|%3s|", "\x{263A}", "\x{e9}"), "\n";
print "reverse unicode: ", scalar reverse("a\x{263A}b"), "\n";
print "join chars: ", join(",", map { sprintf "U+%04X", ord } split //, "a\x{e9}\x{263A}"), "\n";
use feature 'fc';
print "fc: ", (fc("HELLO") eq fc("hello") ? "same" : "diff"), " ", fc("Stra\x{df}e"), "\n";
