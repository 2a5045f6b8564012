#!/usr/bin/perl -w
use strict;

# Log analysis: flip-flop ranges, paragraph mode, sprintf reports, $. tracking.
my @log = <DATA>;
my (%level, %hour, %ip_bytes, @errors, @in_block);
my $n = 0;
for (@log) {
    $n++;
    chomp(my $line = $_);
    if ($line =~ /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) \[(\w+)\s*\] (\S+) (.*)$/) {
        my ($h, $lvl, $ip, $msg) = ($4, $7, $8, $9);
        $level{$lvl}++;
        $hour{$h}++;
        $ip_bytes{$ip} += $1 if $msg =~ /bytes=(\d+)/;
        push @errors, sprintf("%3d: %s", $n, $msg) if $lvl eq 'ERROR';
    }
    if (/BEGIN TXN/ .. /END TXN/) {
        push @in_block, $n;
    }
}
print "Levels:\n";
printf "  %-6s %3d %5.1f%%\n", $_, $level{$_}, 100 * $level{$_} / $n for sort { $level{$b} <=> $level{$a} || $a cmp $b } keys %level;
print "Per hour:\n";
for my $h (sort keys %hour) {
    printf "  %s:00 %-10s (%d)\n", $h, '=' x $hour{$h}, $hour{$h};
}
print "Bytes by ip:\n";
for my $ip (sort { $ip_bytes{$b} <=> $ip_bytes{$a} or $a cmp $b } keys %ip_bytes) {
    my $kb = $ip_bytes{$ip} / 1024;
    printf "  %-15s %8d bytes %7.2f KiB\n", $ip, $ip_bytes{$ip}, $kb;
}
print "Errors:\n", map { "  $_\n" } @errors;
print "Transaction lines: @in_block\n";

# flip-flop with exclusive ... form and line-number ranges
my @sel;
for my $i (0 .. $#log) {
    local $_ = $log[$i];
    push @sel, $i + 1 if /WARN/ ... /WARN/;
}
print "WARN...WARN lines: @sel\n";

# paragraph mode over a here-doc through an in-memory filehandle
my $text = <<'END';
First paragraph line one.
Line two of the first.


Second paragraph, alone.

Third paragraph
has
three lines.
END
open my $fh, '<', \$text or die;
{
    local $/ = '';
    while (my $para = <$fh>) {
        my $lines = ($para =~ tr/\n//);
        chomp $para;
        my @w = split ' ', $para;
        printf "para %d: %d words, %d newlines, ends with '%s'\n", $., scalar @w, $lines, $w[-1];
    }
}
close $fh;
open $fh, '<', \$text or die;
my $slurp = do { local $/; <$fh> };
printf "slurped %d chars, %d lines\n", length $slurp, scalar(() = $slurp =~ /\n/g);
close $fh;
open $fh, '<', \$text or die;
{
    local $/ = \16;
    my @chunks = <$fh>;
    printf "fixed records: %d, last is %d chars\n", scalar @chunks, length $chunks[-1];
}
__DATA__
2024-03-01 08:15:02 [INFO ] 10.0.0.1 service started bytes=120
2024-03-01 08:17:45 [WARN ] 10.0.0.2 slow response 1200ms
2024-03-01 09:01:00 [INFO ] 10.0.0.1 BEGIN TXN 17
2024-03-01 09:01:01 [DEBUG] 10.0.0.1 step 1 bytes=2048
2024-03-01 09:01:02 [DEBUG] 10.0.0.1 step 2 bytes=4096
2024-03-01 09:01:03 [INFO ] 10.0.0.1 END TXN 17
2024-03-01 09:30:10 [ERROR] 10.0.0.3 disk full bytes=0
2024-03-01 10:00:00 [INFO ] 10.0.0.2 request ok bytes=5120
2024-03-01 10:05:00 [WARN ] 10.0.0.3 retrying
2024-03-01 10:05:30 [ERROR] 10.0.0.3 giving up after 3 tries
2024-03-01 11:11:11 [INFO ] 192.168.1.10 BEGIN TXN 18
2024-03-01 11:11:12 [INFO ] 192.168.1.10 upload bytes=65536
2024-03-01 11:11:13 [INFO ] 192.168.1.10 END TXN 18
