# Native halves of XS modules: Cwd, Unicode::Normalize, Hash::Util (the
# parts that do not need restricted hashes), keys/each/values arguments.
use strict;
use warnings;
use Cwd qw(getcwd cwd abs_path realpath fastcwd);
use Unicode::Normalize qw(NFD NFC NFKD NFKC getCombinClass reorder decompose
    getCanon getCompat getComposite checkNFD checkNFC);
use Hash::Util qw(all_keys legal_keys hidden_keys hv_store);

binmode STDOUT, ':utf8';
sub hexs { join " ", map { sprintf "%X", ord } split //, $_[0] }

chdir "/tmp" or die;
print "getcwd: ", getcwd(), " cwd: ", cwd(), " fastcwd: ", fastcwd(), "\n";
print "abs_path: ", abs_path("/usr/../etc//passwd"), "\n";
print "missing last: ", abs_path("/tmp/psh-no-such-file"), "\n";
print "missing dir: ", (defined abs_path("/tmp/psh-no-such/x") ? "defined" : "undef"), "\n";
print "realpath .: ", realpath("."), "\n";

print "NFD: ", hexs(NFD("\x{e9}\x{1e69}")), "\n";
print "NFC: ", hexs(NFC("e\x{301}s\x{323}\x{307}")), "\n";
print "NFKD: ", hexs(NFKD("\x{fb01}\x{2460}")), "\n";
print "NFKC: ", hexs(NFKC("\x{fb01}")), "\n";
print "ccc: ", join(",", map { getCombinClass($_) } 0x41, 0x301, 0x323, 0x345), "\n";
print "reorder: ", hexs(reorder("a\x{301}\x{323}")), "\n";
print "decompose: ", hexs(decompose("\x{1e69}")), " compat: ", hexs(decompose("\x{fb01}", 1)), "\n";
print "getCanon: ", hexs(getCanon(0xe9)), " none: ", (defined getCanon(0x41) ? "def" : "undef"), "\n";
print "getCompat: ", hexs(getCompat(0xfb01)), "\n";
print "getComposite: ", sprintf("%X", getComposite(0x65, 0x301)), "\n";
print "checkNFD: ", (checkNFD("e\x{301}") ? 1 : 0), (checkNFD("\x{e9}") ? 1 : 0), "\n";
print "checkNFC: ", (checkNFC("\x{e9}") ? 1 : 0), "\n";

my %h = (a => 1, b => 2);
my (@k, @hidden);
all_keys(%h, @k, @hidden);
print "all_keys: ", join(",", sort @k), " hidden: ", scalar(@hidden), "\n";
print "legal: ", join(",", sort(Hash::Util::legal_ref_keys(\%h))), " hidden: ", scalar(Hash::Util::hidden_ref_keys(\%h)), "\n";
hv_store(%h, "c", 3);
print "hv_store: $h{c}\n";

for my $op (qw(keys each values)) {
    eval $op;
    print $@ =~ s/\(eval \d+\)/(eval N)/r;
}
