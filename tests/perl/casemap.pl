# uc/lc/ucfirst/lcfirst/fc under ASCII rules (native strings), Unicode
# rules (character strings, unicode_strings) and use bytes.
use strict;
use warnings;
use feature 'fc';
binmode STDOUT, ':utf8';

sub show { join " ", map { sprintf "%X", ord } split //, $_[0] }

print "native uc: ", show(uc "\xe9\xdf\xff"), "\n";
print "native lc: ", show(lc "\xc9A"), "\n";
print "native ucfirst: ", show(ucfirst "\xdfa"), "\n";
{
    use feature 'unicode_strings';
    print "u uc: ", show(uc "\xe9\xdf\xff"), "\n";
    print "u lc: ", show(lc "\xc9A"), "\n";
    print "u ucfirst: ", show(ucfirst "\xdfa"), "\n";
    print "u fc: ", show(fc "\xdf\xb5"), "\n";
    print "u interp: ", show("\U\xe9x\E \u\xdfy"), "\n";
}
for my $c (0x149, 0x1c4, 0x1c6, 0x1f0, 0x130, 0x3b0, 0x1e9e, 0x1f80, 0x1fb3, 0xfb01, 0x587, 0x3a3) {
    my $s = chr($c) . "x";
    printf "%04X uc=%s lc=%s ucfirst=%s lcfirst=%s fc=%s\n", $c,
        show(uc $s), show(lc $s), show(ucfirst $s), show(lcfirst $s), show(fc $s);
}
{
    use bytes;
    print "bytes uc: ", show(uc "\xe9a"), "\n";
}
# A reference blessed into a package with a non-ASCII name is a
# character string.
my $obj = bless [], "\x{3b0}Pkg";
print "blessed: ", (uc($obj) =~ /^\x{3a5}\x{308}\x{301}PKG=ARRAY/ ? "ok" : "not ok"), "\n";
{
    no feature 'fc';
    eval { fc("x") };
    print "no feature fc: ", ($@ =~ /Undefined subroutine &main::fc/ ? "user sub" : "builtin"), "\n";
    print "CORE::fc: ", CORE::fc("ABC"), "\n";
}
