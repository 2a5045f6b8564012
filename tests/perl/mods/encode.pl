# Encode (built in): UTF-8/latin1/ascii encode and decode, CHECK modes, find_encoding.
use strict; use warnings;
use Encode qw(encode decode encode_utf8 decode_utf8 is_utf8 find_encoding FB_CROAK FB_QUIET FB_PERLQQ FB_HTMLCREF);
my $s = "caf\x{e9} \x{263a}";
my $b = encode('UTF-8', $s); printf "%d %vx %s\n", length($b), $b, is_utf8($b) ? "flag" : "bytes";
my $c = decode('UTF-8', $b); print length($c), " ", ($c eq $s ? "same" : "diff"), " ", (is_utf8($c) ? "flag" : "bytes"), "\n";
print length(encode_utf8("\x{263a}")), " ", length(decode_utf8("\xe2\x98\xba")), "\n";
printf "%vx\n", encode('latin1', "a\x{e9}\x{263a}");
printf "%vx\n", decode('latin1', "a\xe9");
printf "%vx\n", decode('utf8', "a\xE9b");
print encode('ascii', "a\x{e9}", FB_PERLQQ), " ", encode('ascii', "a\x{e9}\x{263a}", FB_HTMLCREF), "\n";
print decode('UTF-8', "a\xE9b", FB_PERLQQ), "\n";
my $bad = "a\xE9\xFFb"; eval { decode('UTF-8', $bad, FB_CROAK) }; print "D: $@";
my $w = "a\x{263a}b"; eval { encode('latin1', $w, FB_CROAK) }; print "E: $@";
my $q = "ab\xE9cd"; my $r = decode('utf8', $q, FB_QUIET); print "[$r] rest ", length($q), "\n";
my $e = find_encoding('UTF-8'); print $e->name, " ", $e->mime_name, " ", ref($e), "\n";
print find_encoding('latin1')->name, " ", (defined find_encoding('nope') ? "def" : "undef"), "\n";
eval { encode('nope', 'x') }; print "U: $@";
binmode STDOUT, ':encoding(UTF-8)'; print decode_utf8("\xe2\x98\xba"), "\n";
