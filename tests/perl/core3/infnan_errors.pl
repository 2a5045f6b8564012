# Infinite and NaN values where an integer is needed: pack, chr, sprintf
# %c and ranges die with perl's messages.
use strict;
use warnings;
my $inf = 9**9**9;
my $nan = $inf / $inf;
for my $v ($inf, -$inf, $nan, "Inf", "-Inf", "NaN") {
    for my $f (qw(c C s S l L q Q j J n N v V U W w i I)) {
        my $r = eval { pack($f, $v) };
        print "pack $f: ", (defined $r ? "ok" : $@ =~ s/ at .*//sr), "\n";
    }
    my $c = eval { chr($v) };
    print "chr: ", (defined $c ? "ok" : $@ =~ s/ at .*//sr), "\n";
    my $s = eval { sprintf("%c", $v) };
    print "sprintf: ", (defined $s ? "ok" : $@ =~ s/ at .*//sr), "\n";
}
print "w negative: ", (eval { pack("w", -1) } // $@ =~ s/ at .*//sr), "\n";
print unpack("H*", pack("w", 300)), "\n";
for my $code ('for my $x (0..$inf) { last }', 'for my $x (-$inf..0) { last }',
    'for my $x (0..$nan) { last }', 'my @a = (0..$inf)', 'my @a = (1..-$inf); scalar @a',
    'my @a = (-$inf..1)', 'my $n = 0; $n++ for 1..3; $n') {
    my $r = eval $code;
    print "$code: ", ($@ ? $@ =~ s/ at .*//sr : "ok " . ($r // 'undef') . "\n");
}
