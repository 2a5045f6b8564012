# Text pipeline (plain Perl): count the ERROR lines of a generated log.
my $file = "/tmp/psh-bench-pipes.log";
unless (-s $file) {
    open my $o, '>', $file or die "$file: $!";
    for my $i (1 .. 1_000_000) {
        printf $o "2026-11-23 12:%02d:%02d %s request %d took %dms\n", $i % 60, $i % 59,
            ($i % 17 ? "INFO" : "ERROR"), $i, $i % 997;
    }
    close $o;
}
open my $in, '<', $file or die "$file: $!";
my $n = 0;
while (<$in>) { $n++ if /ERROR/ }
print "$n\n";
