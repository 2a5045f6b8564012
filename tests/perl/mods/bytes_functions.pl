# bytes::length and the other bytes:: functions, without the pragma on.
use bytes ();
my $s = "caf\x{e9} \x{263A}!";
print bytes::length($s), " ", length($s), "\n";
print bytes::ord("\x{263A}"), " ", bytes::chr(65), "\n";
print join(",", map { ord } split //, bytes::substr($s, 5, 3)), "\n";
print bytes::index($s, "!"), " ", bytes::rindex("abcabc", "b"), " ", bytes::rindex("abcabc", "b", 3), " ", bytes::index("abcabc", "c", 3), "\n";
print bytes::length(undef) // 'undef', "\n";
{ use bytes; print length($s), "\n"; }
