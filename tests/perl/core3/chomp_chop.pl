# chomp/chop return values and targets, including my-declarations in list assignments
use strict; use warnings;
# chop/chomp, lc/uc, repeat, sprintf returns
my $s = "line\r\n"; chomp $s; print length($s), "\n";
my @l = ("a\n", "b\n"); chomp(@l); print "@l\n";
my %h = (k => "v\n"); chomp(%h); print "$h{k}|\n";
my ($x, $y) = ("x\n", "y\n"); chomp($x, $y); print "$x$y\n";
my $c = "abc"; my $r = chop $c; print "$r $c\n";
my $e = ""; my $r2 = chop $e; print "[$r2]\n";
$_ = "topic\n"; chomp; print "[$_]\n";
my $n = 42; chop $n; print "$n\n";
my $u = chomp(my $tmp = "x\n\n"); print "$u\n";
{ local $/ = "END"; my $t = "dataEND"; chomp $t; print "$t\n"; }
my $cnt = chomp(my @arr = ("a\n", "b", "c\n")); print "$cnt\n";
print lc("ÀB"), "|", uc("àb"), "\n";
my $str = "hello world"; (my $cap = $str) =~ s/(\w+)/\u$1/g; print "$cap\n";
print "\u\LHELLO wORLD\E!\n";
print join(",", map { ucfirst } qw(a b)), "\n";
print "abc" x 2.5, "|", "-" x 0, "|", "=" x -1, "|\n";
my @rep = ('a', 'b') x 2; print "@rep\n";
my $sp = sprintf "%s|%s", "a"; print "$sp\n";
print "ok\n";
chomp(my @lines = ("a\n", "b\n")); print "@lines\n";
chomp(my ($p, $q) = ("p\n", "q\n")); print "$p$q\n";
chop(my @c = ("ab", "cd")); print "@c\n";
my $n = chomp(my %h = (k => "v\n")); print "$n $h{k}\n";
(my $t = "hello") =~ tr/a-z/A-Z/; print "$t\n";
s/x/y/ for (my @m = ("axa", "bxb")); print "@m\n";
for my $v (my @w = (1, 2)) { $v *= 10 } 
$_++ for (my ($i, $j) = (1, 2)); print "$i $j\n";
