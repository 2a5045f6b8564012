# POSIX: math, limits, strftime/mktime, strtol/strtod, errno and wait macros.
use strict;
use warnings;
use POSIX qw(floor ceil fmod strftime INT_MAX INT_MIN UINT_MAX DBL_MAX FLT_MAX
  EXIT_SUCCESS EXIT_FAILURE strtol strtod LONG_MAX LONG_MIN);
use POSIX qw(:sys_wait_h :errno_h);

print floor(3.7), " ", ceil(3.2), " ", floor(-3.5), " ", ceil(-3.5), " ", fmod(10, 3), "\n";
my $x = floor 7.9;
print "$x\n";
print INT_MAX, " ", INT_MIN, " ", UINT_MAX, " ", LONG_MAX, " ", LONG_MIN, "\n";
print DBL_MAX, " ", FLT_MAX, " ", DBL_MAX > 1e300 ? "big" : "small", "\n";
print EXIT_SUCCESS, EXIT_FAILURE, "\n";
print POSIX::pow(2, 10), " ", POSIX::round(2.5), " ", POSIX::round(-2.5), " ",
  POSIX::trunc(-2.7), " ", POSIX::fabs(-3), "\n";
printf "%.4f %.4f %.4f\n", POSIX::tan(1), POSIX::acos(0), POSIX::log10(1000);
print join(",", POSIX::modf(3.25)), " ", join(",", POSIX::frexp(8)), "\n";
print POSIX::isnan(9**9**9 / 9**9**9) ? "nan" : "num", " ", POSIX::isinf(9**9**9) ? "inf" : "fin", "\n";

# strftime normalises its fields like mktime, in UTC for gmtime lists
print strftime("%Y-%m-%d %H:%M:%S %a %j", gmtime(86400 * 365.25 * 30)), "\n";
print strftime("%Y-%m-%d", 0, 0, 0, 31, 1, 100), "\n";
print strftime("%A %B %d %y %e|%%|%H", 5, 4, 3, 2, 0, 99), "\n";
print strftime("%H:%M:%S", 60, 59, 23, 31, 11, 99), "\n";
print strftime("%Y-%m-%d %H:%M:%S", -1, -1, -1, -1, -1, 100), "\n";
print POSIX::asctime(gmtime(86400));
print POSIX::difftime(10, 3), "\n";

my ($n, $u) = strtol("0x1fz", 16);
print "$n $u\n";
print scalar(strtol("777", 8)), " ", scalar(strtol("  -42abc")), "\n";
my @d = strtod("3.14abc");
print "@d\n";

print ENOENT, " ", EACCES, " ", EEXIST, " ", EINTR, " ", EAGAIN, " ", POSIX::SEEK_END, "\n";
print WNOHANG, " ", WIFEXITED(256), " ", WEXITSTATUS(256), " ", WIFSIGNALED(9), " ", WTERMSIG(9), "\n";
system("sh", "-c", "exit 3");
print WIFEXITED($?) ? "exited " . WEXITSTATUS($?) . "\n" : "no\n";
print POSIX::getpid() == $$ ? "pid ok\n" : "pid bad\n";
print POSIX::strerror(ENOENT), "\n";
print defined(POSIX::setlocale(POSIX::LC_ALL(), "C")) ? "locale ok\n" : "locale bad\n";

eval { POSIX::nosuch() };
print "E: $@";
eval { POSIX::floor() };
print "E: $@";
eval "use POSIX qw(atoi); 1" or print "E: ", (split / at /, (split /\n/, $@)[0])[0], "\n";
