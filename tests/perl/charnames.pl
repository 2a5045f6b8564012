# \N{NAME} in strings and patterns (names, aliases, script:letter, U+), charnames::viacode/vianame/string_vianame
use strict; use warnings; use charnames (); binmode STDOUT, ':utf8';
print "\N{KELVIN SIGN}|\N{NEL}|\N{LATIN SMALL LETTER A}|\N{greek:alpha}|\N{SNOWMAN}|\N{U+263A}\n";
print "a" =~ /\N{LATIN SMALL LETTER A}/ ? "re ok\n" : "re no\n";
print "xaaay" =~ /x\N{3}y/ ? "quant ok\n" : "quant no\n";
print charnames::viacode(0x263A), " ", charnames::vianame("SNOWMAN"), " ", charnames::string_vianame("GREEK SMALL LETTER BETA"), "\n";
print length("\N{LATIN CAPITAL LETTER A WITH GRAVE}"), "\n";
