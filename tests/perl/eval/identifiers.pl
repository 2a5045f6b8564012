# Identifier rules in string eval: character strings are character
# source, evalbytes is byte source, and characters no token starts with
# are "Unrecognized character" errors.
use strict;
use warnings;
use feature 'evalbytes';

binmode STDOUT, ':utf8';

# A character string evaluates as characters.
my $smile = "\x{263a}";
my $r = eval "q{$smile}";
print "length of eval'd char string: ", length($r), "\n";
my $e = "\xe9";
utf8::upgrade($e);
$r = eval "q{$e}";
print "upgraded latin-1: ", length($r), "\n";

# Unicode identifiers in character source.
$r = eval "my \$\x{100}x = 5; \$\x{100}x + 1";
print "ident with U+0100: $r\n";
$r = eval "no strict; \$\x{3b1}\x{3b2} = 7; \$\x{3b1}\x{3b2}";
print "greek ident: $r\n";

# Not XID_Start: rejected.
for my $c (0x2000, 0x2603, 0xa1, 0x20ac) {
    eval "my \$" . chr($c) . " = 1;";
    (my $m = $@) =~ s/ at \(eval \d+\).*//s;
    print "U+", sprintf("%04X", $c), ": $m\n";
}

# Byte source: a single Latin-1 byte is a (global) variable, longer
# names with high bytes are not identifiers.
{
    no strict;
    $r = evalbytes "\$\xe9 = 3; \$\xe9 * 2";
    print "latin-1 length-1 var: ", $r // "undef: $@", "\n";
    evalbytes "\$a\xe9 = 1";
    (my $m = $@) =~ s/ at \(eval \d+\).*//s;
    print "byte ident: $m\n";
    evalbytes "my \$\xe9 = 1";
    print "my on it: ", ($@ =~ /Can't use global/ ? "global" : "ok: $@"), "\n";
    evalbytes "\$\x85 = 1";
    print "C1 control: ", ($@ =~ /syntax error|Unrecognized/ ? "error" : "accepted"), "\n";
}

# evalbytes refuses wide characters.
eval { evalbytes "\x{263a}" };
print "wide: ", $@ =~ /^Wide character/ ? "dies" : "no: $@", "\n";

# Control characters are unrecognized, with the text before them.
eval "1234567890123456 \x01";
print $@;
eval "\${ \7LOBAL_PHASE}";
(my $m = $@) =~ s/ at \(eval \d+\).*//s;
print "$m\n";

# Special variables in braces, blanks allowed.
{
    no strict;
    for my $v ('$', '^GLOBAL_PHASE', '^V', ';') {
        for my $form ("\${ $v}", "\${$v }", "\${ $v }") {
            eval "my \$x = $form; 1" or print "$form: $@";
        }
    }
    print "braced specials ok\n";
}

# ord/chr keep surrogates and code points beyond Unicode.
{
    no warnings;
    print join(",", map { ord chr } 0xd800, 0xdfff, 0x110000, 0x10ffff), "\n";
    print length(chr(0xd800) . "a"), "\n";
}

# \p{_Perl_IDStart} / \p{_Perl_IDCont}
print join("", map { chr($_) =~ /\p{_Perl_IDStart}/ ? 1 : 0 } 0x41, 0x5f, 0x31, 0x3b1, 0x2000), "\n";
print join("", map { chr($_) =~ /\p{_Perl_IDCont}/ ? 1 : 0 } 0x41, 0x5f, 0x31, 0x3b1, 0x2000), "\n";
