use strict;
use warnings;

# Roman numerals, Caesar/ROT13/Vigenere ciphers, base conversions.
my @map = ([1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
           [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']);
sub to_roman {
    my $n = shift;
    return undef if $n < 1 || $n > 3999;
    my $r = '';
    for my $p (@map) {
        my ($v, $s) = @$p;
        $r .= $s x int($n / $v);
        $n %= $v;
    }
    return $r;
}
my %val = (I => 1, V => 5, X => 10, L => 50, C => 100, D => 500, M => 1000);
sub from_roman {
    my $s = uc shift;
    return undef unless $s =~ /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
    my $total = 0;
    my @c = map { $val{$_} } split //, $s;
    for my $i (0 .. $#c) {
        $total += ($i < $#c && $c[$i] < $c[$i + 1]) ? -$c[$i] : $c[$i];
    }
    return $total;
}
for my $n (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 0, 4000) {
    my $r = to_roman($n);
    printf "%4d => %-12s => %s\n", $n, $r // '(none)', defined $r ? from_roman($r) : '-';
}
for my $s (qw(XLII mcmxc IIII IC MMXXV)) {
    printf "%-6s => %s\n", $s, from_roman($s) // 'invalid';
}

sub caesar {
    my ($text, $k) = @_;
    $k %= 26;
    return join '', map {
        /[a-z]/ ? chr((ord($_) - 97 + $k) % 26 + 97)
      : /[A-Z]/ ? chr((ord($_) - 65 + $k) % 26 + 65)
      : $_
    } split //, $text;
}
my $msg = 'The Quick Brown Fox, 2024!';
(my $rot = $msg) =~ tr/A-Za-z/N-ZA-Mn-za-m/;
print "rot13: $rot\n";
print "back:  ", ($rot =~ tr/A-Za-z/N-ZA-Mn-za-m/r), "\n";
print "caesar +3: ", caesar($msg, 3), "\n";
print "caesar -3: ", caesar(caesar($msg, 3), -3), "\n";

sub vigenere {
    my ($text, $key, $dir) = @_;
    my @k = map { ord($_) - 65 } split //, uc $key;
    my $i = 0;
    (my $out = uc $text) =~ s/([A-Z])/chr((ord($1) - 65 + $dir * $k[$i++ % @k]) % 26 + 65)/ge;
    return $out;
}
my $enc = vigenere('attack at dawn', 'LEMON', 1);
print "vigenere: $enc / ", vigenere($enc, 'LEMON', -1), "\n";

sub to_base {
    my ($n, $b) = @_;
    return '0' if $n == 0;
    my @d = (0 .. 9, 'A' .. 'Z');
    my $s = '';
    my $neg = $n < 0;
    $n = abs $n;
    while ($n > 0) { $s = $d[$n % $b] . $s; $n = int($n / $b) }
    return ($neg ? '-' : '') . $s;
}
for my $n (0, 7, 255, 1000, -42, 65535, 123456789) {
    printf "%10d: bin=%s oct=%s hex=%s b36=%s | %b %o %X %#x %#o\n", $n, to_base($n, 2), to_base($n, 8), to_base($n, 16), to_base($n, 36),
        ($n) x 3, $n < 0 ? (0, 0) : ($n, $n);
}
printf "oct('0x1F')=%d oct('755')=%d oct('0b1011')=%d hex('ff')=%d hex('0xDEAD')=%d\n", oct('0x1F'), oct('755'), oct('0b1011'), hex('ff'), hex('0xDEAD');
my %count;
$count{$_}++ for split //, lc 'Mississippi River';
my $letters = join '', map { "$_$count{$_}" } sort grep { /\w/ } keys %count;
print "letters: $letters\n";
(my $squeeze = 'bookkeeper  committee') =~ tr/a-z//s;
print "squeezed: $squeeze\n";
(my $digits = 'phone: +1 (555) 010-9999') =~ tr/0-9//cd;
print "digits only: $digits (", ($digits =~ tr/5//), " fives)\n";
