# <$fh> in list/scalar context, $/ modes, $. across handles, eof forms, local $/.
use strict;
use warnings;

my $dir = "/tmp/psh_rio2_rl_$$";
mkdir $dir or die;
my ($f1, $f2) = ("$dir/a.txt", "$dir/b.txt");
open my $o, '>', $f1 or die; print $o "a1\na2\n\na4\n\n\n\na8\nlast"; close $o;
open $o, '>', $f2 or die; print $o "b1\nb2\nb3\n"; close $o;

open my $a, '<', $f1 or die;
open my $b, '<', $f2 or die;
my $x = <$a>; print "a: $x", "dot: $.\n";
$x = <$b>; print "b: $x", "dot: $.\n";
$x = <$a>; print "a: $x", "dot: $.\n";
$x = <$b>; print "b: $x", "dot: $.\n";
close $b;
print "dot after close b: $.\n";
$x = <$a>; print "dot: $.\n";

# slurp rest in list context
my @rest = <$a>;
print "rest: ", scalar(@rest), " last='$rest[-1]' dot=$.\n";
print "eof: ", (eof($a) ? 1 : 0), "\n";
my $after = <$a>;
print "after eof: ", (defined $after ? "def" : "undef"), "\n";
close $a;

# paragraph mode
{
    local $/ = "";
    open my $p, '<', $f1 or die;
    my @paras = <$p>;
    close $p;
    print "paragraphs: ", scalar(@paras), "\n";
    for (@paras) { (my $t = $_) =~ s/\n/\\n/g; print "  [$t]\n" }
}

# slurp mode
{
    local $/;
    open my $s, '<', $f2 or die;
    my $all = <$s>;
    close $s;
    print "slurp length: ", length($all), "\n";
}

# custom separator
{
    local $/ = "2";
    open my $c, '<', $f2 or die;
    my @parts = <$c>;
    close $c;
    print "by '2': ", join("|", map { s/\n/~/gr } @parts), "\n";
}

# fixed-record mode
{
    local $/ = \4;
    open my $r, '<', $f2 or die;
    my @recs = <$r>;
    close $r;
    print "records: ", join("|", map { s/\n/~/gr } @recs), "\n";
}
print "rs restored: ", ($/ eq "\n" ? "yes" : "no"), "\n";

# chomp with custom $/
{
    local $/ = "END";
    my $s = "dataEND";
    my $n = chomp($s);
    print "chomp custom: $s ($n)\n";
}
my $line = "text\n\n";
my $removed = chomp($line);
print "chomp removes one: ", length($line), " ($removed)\n";

# while (<$fh>) with $. and eof detection
open my $w, '<', $f2 or die;
while (my $l = <$w>) {
    chomp $l;
    print "$.: $l", (eof($w) ? " (last)" : ""), "\n";
}
close $w;

# reading with readline() function
open my $rl, '<', $f2 or die;
my $first = readline($rl);
my @others = readline $rl;
close $rl;
print "readline: $first", "others: ", scalar(@others), "\n";

# eof() with empty file
open my $e, '>', "$dir/empty" or die; close $e;
open $e, '<', "$dir/empty" or die;
print "empty eof: ", (eof($e) ? 1 : 0), "\n";
my @none = <$e>;
print "empty lines: ", scalar(@none), "\n";
close $e;

# $. with explicit assignment and local
open my $d, '<', $f2 or die;
<$d>;
$. = 10;
<$d>;
print "dot set: $.\n";
close $d;

unlink $f1, $f2, "$dir/empty";
rmdir $dir or die "rmdir: $!";
