# Time::HiRes: time, sleep, usleep, gettimeofday, tv_interval (no times printed).
use strict;
use warnings;
use Time::HiRes qw(time sleep usleep nanosleep gettimeofday tv_interval clock_gettime CLOCK_MONOTONIC);

my $t0 = [gettimeofday];
my $t = time;
print $t > 1e9 ? "time ok\n" : "time bad\n";
my $slept = sleep(0.02);
print $slept >= 0.015 && $slept < 5 ? "sleep ok\n" : "sleep bad: $slept\n";
usleep(1000);
nanosleep(1000);
my $el = tv_interval($t0);
print $el > 0.015 && $el < 5 ? "interval ok\n" : "interval bad: $el\n";
print tv_interval([1, 500000], [3, 250000]), "\n";
my ($s, $us) = gettimeofday;
print $s > 1e9 && $us >= 0 && $us < 1_000_000 ? "gettimeofday ok\n" : "bad\n";
my $m1 = clock_gettime(CLOCK_MONOTONIC);
my $m2 = clock_gettime(CLOCK_MONOTONIC);
print $m2 >= $m1 ? "monotonic ok\n" : "bad\n";
print time - $t < 5 ? "elapsed ok\n" : "bad\n";
print CORE::time() - int($t) < 5 ? "core time ok\n" : "bad\n";
eval { Time::HiRes::sleep(-1) };
print $@ =~ /negative time not invented yet/ ? "negative ok\n" : "bad: $@";
