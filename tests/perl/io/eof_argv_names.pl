# eof() (the end of the whole <> list) against eof (the current file), and
# the names perl gives autovivified handles.
my @files;
for my $n (1 .. 3) {
    my $f = "/tmp/psh_eof_$$.$n";
    open(my $fh, '>', $f) or die;
    print $fh map { "f$n l$_\n" } 1 .. $n;
    close $fh;
    push @files, $f;
}
@ARGV = @files;
while (<>) {
    chomp;
    print "$.: $_", (eof ? " [eof]" : ""), (eof() ? " [eof()]" : ""), "\n";
}
print "after: ", (eof() ? 1 : 0), "\n";

package Other;
open(my $lex, '<', $files[0]) or die;
print *$lex, "\n";
my %h;
open($h{k}, '<', $files[0]) or die;
print *{ $h{k} }, "\n";
my @a;
open($a[0], '<', $files[0]) or die;
print *{ $a[0] }, "\n";
our $pkg;
open($pkg, '<', $files[0]) or die;
print *$pkg, "\n";
my $obj = {};
open($obj->{fh}, '<', $files[0]) or die;
print *{ $obj->{fh} }, "\n";
unlink @files;
