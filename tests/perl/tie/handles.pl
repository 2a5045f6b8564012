# tie: handles (PRINT PRINTF READLINE GETC READ WRITE EOF FILENO CLOSE), tied STDOUT, lexical globs
package Capture;
sub TIEHANDLE { my $c = shift; my $buf = ''; bless { buf => \$buf, lines => [@_] }, $c }
sub PRINT { my $s = shift; ${$s->{buf}} .= join(defined $, ? $, : '', @_) . (defined $\ ? $\ : ''); 1 }
sub PRINTF { my $s = shift; my $f = shift; ${$s->{buf}} .= sprintf($f, @_); 1 }
sub READLINE { my $s = shift; if (wantarray) { my @l = @{$s->{lines}}; @{$s->{lines}} = (); return @l } shift @{$s->{lines}} }
sub GETC { "g" }
sub READ { my ($s, undef, $len, $off) = @_; $off //= 0; substr($_[1], $off) = "x" x $len; $len }
sub WRITE { my ($s, $buf, $len, $off) = @_; ${$s->{buf}} .= "[W:" . substr($buf, $off // 0, $len) . "]"; $len }
sub CLOSE { print STDERR "CLOSE called\n"; 1 }
sub EOF { !@{$_[0]{lines}} }
sub FILENO { 99 }
sub BINMODE { "bin" }
sub DESTROY { print STDERR "DESTROY handle\n" }
package main;
use strict; use warnings;
tie *FH, 'Capture', "a\n", "b\n", "c\n";
print FH "hello", " world\n";
printf FH "%03d|%s\n", 7, "x";
my $l = <FH>;
print "line: $l";
print "eof: ", (eof(FH) ? 1 : 0), "\n";
my @rest = <FH>;
print "rest: @rest";
print "eof: ", (eof(FH) ? 1 : 0), "\n";
print "getc: ", getc(FH), "\n";
my $buf = "ab";
my $n = read(FH, $buf, 3, 2);
print "read $n: $buf\n";
syswrite(FH, "hello", 3, 1);
print "fileno: ", fileno(FH), "\n";
my $obj = tied *FH;
print "buf: ${$obj->{buf}}";
print "\n";
close FH;
undef $obj;
untie *FH;
{
    local *STDOUT;
    tie *STDOUT, 'Capture';
    print "captured text\n";
    say STDOUT "said" if 0;
    my $o = tied *STDOUT;
    print STDERR "got: ${$o->{buf}}";
    untie *STDOUT;
}
print "back to normal\n";
my $fh = \do { local *H };
tie *$fh, 'Capture', "q\n";
print $fh "via lexical\n";
print "lex: ", ${(tied *$fh)->{buf}};
my $q = <$fh>;
print "q: $q";
