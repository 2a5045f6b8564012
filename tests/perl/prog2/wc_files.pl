#!/usr/bin/perl
use strict;
use warnings;

# A wc/grep/head-like utility: options from @ARGV, files created under a
# private temp dir, read back with <> (ARGV, $ARGV, eof, $.).
my %opt = (lines => 0, words => 0, chars => 0, pattern => undef, head => 0, number => 0);
my @rest;
while (@ARGV) {
    my $a = shift @ARGV;
    if    ($a eq '-l') { $opt{lines} = 1 }
    elsif ($a eq '-w') { $opt{words} = 1 }
    elsif ($a eq '-c') { $opt{chars} = 1 }
    elsif ($a eq '-n') { $opt{number} = 1 }
    elsif ($a =~ /^--grep=(.*)$/) { $opt{pattern} = $1 }
    elsif ($a =~ /^--head=(\d+)$/) { $opt{head} = $1 }
    elsif ($a eq '--') { push @rest, @ARGV; last }
    elsif ($a =~ /^-/) { warn "unknown option $a\n" }
    else { push @rest, $a }
}
$opt{$_} = 1 for grep { !($opt{lines} || $opt{words} || $opt{chars}) } qw(lines words chars);
print "options: ", join(' ', map { "$_=" . ($opt{$_} // 'undef') } sort keys %opt), "\n";
print "names: @rest\n";

my $dir = "/tmp/psh_prog2_wc_$$";
mkdir $dir or die "mkdir $dir: $!";
my %content = (
    alpha => "one two three\nfour five\n\nsix\n",
    beta  => "the quick brown fox\njumps over\nthe lazy dog\nthe end",
    gamma => "",
);
for my $name (sort keys %content) {
    open my $fh, '>', "$dir/$name.txt" or die "write $name: $!";
    print {$fh} $content{$name};
    close $fh or die;
}
my @files = map { "$dir/$_.txt" } @rest;
my %tot = (lines => 0, words => 0, chars => 0);
my %stat;
my $re = defined $opt{pattern} ? qr/$opt{pattern}/ : undef;
my @matches;
{
    local @ARGV = @files;
    while (my $line = <>) {
        (my $short = $ARGV) =~ s{^.*/}{};
        my $s = $stat{$short} //= { lines => 0, words => 0, chars => 0, head => [] };
        $s->{lines}++ if $line =~ /\n\z/;
        $s->{words} += () = $line =~ /\S+/g;
        $s->{chars} += length $line;
        push @{ $s->{head} }, ($opt{number} ? "$.: " : '') . $line if $. <= $opt{head};
        push @matches, "$short:$.:$line" if $re && $line =~ $re;
    } continue {
        close ARGV if eof;
    }
}
for my $name (@rest) {
    my $f = "$name.txt";
    my $s = $stat{$f} || { lines => 0, words => 0, chars => 0, head => [] };
    my @cols = map { sprintf '%6d', $s->{$_} } grep { $opt{$_} } qw(lines words chars);
    print @cols, " $f\n";
    $tot{$_} += $s->{$_} for qw(lines words chars);
    if (@{ $s->{head} }) {
        my @h = @{ $s->{head} };
        chomp @h;
        print map { "    | $_\n" } @h;
    }
}
print map({ sprintf '%6d', $tot{$_} } grep { $opt{$_} } qw(lines words chars)), " total\n";
if (@matches) {
    print "matches for /$opt{pattern}/:\n";
    for (@matches) { chomp(my $m = $_); print "  $m\n" }
}
print "file tests: ", join(', ', map { my $p = "$dir/$_.txt"; sprintf "%s(%s%s%d)", $_, (-e $p ? 'e' : '-'), (-z $p ? 'z' : '-'), -s $p || 0 } sort keys %content), "\n";
opendir my $dh, $dir or die;
my @entries = sort grep { !/^\.\.?$/ } readdir $dh;
closedir $dh;
print "dir has: @entries\n";
unlink map { "$dir/$_" } @entries;
rmdir $dir or die "rmdir: $!";
print "removed: ", (-d $dir ? 'no' : 'yes'), "\n";
