# pack/unpack: every letter family, endianness, LEN/ITEM, groups, x!N alignment, [L] counts, checksums, U in byte mode, wide a*
use strict; use warnings;
sub hx { join ' ', map { sprintf "%02x", ord } split //, shift }
print hx(pack("A3 a3 Z3 Z*", "ab", "cd", "efgh", "ij")), "\n";
print hx(pack("n N v V", 258, 16909060, 258, 16909060)), "\n";
print hx(pack("s< l> q Q> j J", -2, -3, -4, 5, -6, 7)), "\n";
print hx(pack("C c U W", 200, -1, 0x263A, 300)), "\n";
print hx(pack("H4 h4 B8 b8", "1a2b", "1a2b", "10101010", "10101010")), "\n";
print hx(pack("f< d>", 1.5, -2.25)), "\n";
print hx(pack("w", 300)), " ", hx(pack("x3 C x!4 C", 1, 2)), "\n";
print hx(pack("n/a* C/a", "hello", "xy")), "\n";
print hx(pack("(A2 n)2", "ab", 1, "cd", 2)), " ", hx(pack("N2 @1 C", 1, 2, 9)), "\n";
my @u = unpack("A3 a3 Z*", "ab cd\0ef\0gh"); print join("|", map { defined ? $_ : 'u' } @u), "\n";
print join(",", unpack("n N v V", pack("n N v V", 1, 2, 3, 4))), "\n";
print join(",", unpack("s< l> q", pack("s< l> q", -2, -3, -4))), "\n";
print join(",", unpack("C* ", "\x01\x02\xff")), " ", join(",", unpack("c*", "\xff\x80")), "\n";
print join(",", unpack("U*", "\x{263A}ab")), " ", join(",", unpack("H* ", "\x1a\x2b")), " ", unpack("B*", "\xaa"), " ", unpack("b*", "\xaa"), "\n";
print join(",", unpack("n/a* C", pack("n/a* C", "hello", 7))), "\n";
print join(",", unpack("(A2 n)*", pack("(A2 n)2", "ab", 1, "cd", 2))), "\n";
print join(",", unpack("x2 C2 X2 C", "\x00\x01\x02\x03")), "\n";
print unpack("%32C*", "abc"), " ", unpack("%8b*", "\xff\x01"), "\n";
my ($len, $str) = unpack("N/a* a*", pack("N/a* a*", "abc", "rest")); print "$len|", ($str // 'u'), "\n";
print join(",", unpack("w*", pack("w*", 1, 128, 100000))), "\n";
print join(",", map { sprintf "%.2f", $_ } unpack("f d", pack("f d", 3.14, 2.718))), "\n";
my @fields = unpack("A10 A5 A*", sprintf("%-10s%-5s%s", "name", "age", "rest of line")); print join("|", @fields), "\n";
print length(pack("x[N] C", 1)), " ", length(pack("a*", "\x{100}")), "\n";
printf "%s\n", join ",", unpack("(a1)*", "hello");
print join(",", unpack('@2 a2 @0 a1', "abcdef")), "\n";
print scalar(() = unpack("C*", "abcd")), "\n";
