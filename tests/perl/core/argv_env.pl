# @ARGV (from argv_env.args), %ENV (fixed by the harness), $0.
use strict;
use warnings;

print "argc: ", scalar(@ARGV), "\n";
for my $i (0 .. $#ARGV) { print "arg $i: [$ARGV[$i]]\n" }
print "\$0: $0\n";
my @copy = @ARGV;
my %opt;
while (@copy and $copy[0] =~ /^-/) {
    my $flag = shift @copy;
    if ($flag eq '-n') { $opt{n} = shift @copy } else { $opt{ substr($flag, 2) } = 1 }
}
print "options: ", join(",", map { "$_=$opt{$_}" } sort keys %opt), "; rest: ", join("|", @copy), "\n";
my $first = shift;
print "shift at top level takes from \@ARGV: $first, left ", scalar(@ARGV), "\n";
print "ENV greeting: $ENV{PSH_TEST_GREETING}\n";
print "ENV number + 1: ", $ENV{PSH_TEST_NUMBER} + 1, "\n";
print "ENV empty: [", $ENV{PSH_TEST_EMPTY}, "] exists: ", (exists $ENV{PSH_TEST_EMPTY} ? 1 : 0), "\n";
print "ENV missing: ", (defined $ENV{PSH_TEST_NOT_SET} ? "set" : "undef"), "\n";
print "test vars: ", join(",", sort grep { /^PSH_TEST_/ } keys %ENV), "\n";
$ENV{PSH_TEST_NEW} = "child sees it";
my $out = `/usr/bin/perl -e 'print \$ENV{PSH_TEST_NEW}'`;
print "child env: $out\n";
delete $ENV{PSH_TEST_GREETING};
print "after delete: ", (exists $ENV{PSH_TEST_GREETING} ? "present" : "gone"), "\n";
{
    local $ENV{PSH_TEST_NUMBER} = "local";
    print "local ENV: $ENV{PSH_TEST_NUMBER}\n";
}
print "restored ENV: $ENV{PSH_TEST_NUMBER}\n";
print "TZ and LC_ALL: $ENV{TZ} $ENV{LC_ALL}\n";
@ARGV = ("x", "y");
print "reassigned ARGV: @ARGV\n";
