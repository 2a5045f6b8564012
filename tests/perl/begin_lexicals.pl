# File lexicals a BEGIN block fills keep their values when the `my` runs
# (also when named subs capture them); closures made in a while loop get
# the condition's variable of their own iteration; Errno's constants.
use strict;
use warnings;
my %table;
my $count;
BEGIN { %table = (one => 1, two => 2); $count = 2 }
sub lookup { $table{$_[0]} // 'none' }
print join(",", map { "$_=$table{$_}" } sort keys %table), " count=$count\n";
print lookup('two'), " ", lookup('three'), "\n";
my @subs;
my @queue = (1, 2, 3);
while (my $x = shift @queue) { push @subs, sub { "x$x" } }
print join(",", map { $_->() } @subs), "\n";
my @more;
for my $i (1 .. 3) { my $y = $i * 10; push @more, sub { $y } }
print join(",", map { $_->() } @more), "\n";
for my $round (1 .. 2) { my @acc; push @acc, $round; print "round $round: @acc\n" }
use Errno qw(ENOENT EACCES);
print "ENOENT=", ENOENT, " EACCES=", EACCES, "\n";
open(my $fh, '<', '/nonexistent/dir/file') or print "open failed: ", ($!{ENOENT} ? "ENOENT" : "other"), "\n";
print exists $!{EBADF} ? "EBADF known\n" : "EBADF unknown\n";
