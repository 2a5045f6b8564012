# /u and use feature 'unicode_strings' (also from use v5.12+): characters
# 0x80-0xFF of 8-bit strings match with Unicode rules, the same as in
# character strings; without them, ASCII rules; qr// shows the u.
use strict;
use warnings;
my $s = chr(0xE9) x 2;
my $u = $s . chr(256); chop $u;
printf "native: %d %d\n", ($s =~ /\w/ ? 1 : 0), ($u =~ /\w/ ? 1 : 0);
printf "/u: %d %d\n", ($s =~ /\w/u ? 1 : 0), ($u =~ /\w/u ? 1 : 0);
{
    use feature 'unicode_strings';
    printf "feature: %d %d %d\n", ($s =~ /\w/ ? 1 : 0), ($u =~ /\w/ ? 1 : 0), (chr(0xA0) =~ /\s/ ? 1 : 0);
    print qr/x/, " ", qr/y/i, "\n";
}
print qr/x/, " ", qr/x/u, " ", qr/x/a, "\n";
print lc(chr(0xC9)) eq chr(0xE9) ? "lc latin1\n" : "lc ascii only\n";
