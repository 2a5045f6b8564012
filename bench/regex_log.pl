# Parsing generated log lines with regexes and captures.
use strict;
use warnings;

my $LINES = 200_000;

my @methods = qw(GET POST PUT DELETE);
my @paths = qw(/index.html /api/users /api/orders /static/app.js /login);
my @codes = (200, 200, 200, 301, 404, 500);
my @log;
for my $i (1 .. $LINES) {
    my $ip = join ".", 10, $i % 256, ($i * 7) % 256, ($i * 13) % 256;
    push @log, sprintf('%s - - [%02d/Mar/2024:%02d:%02d:%02d +0000] "%s %s?id=%d HTTP/1.1" %d %d',
        $ip, 1 + $i % 28, $i % 24, $i % 60, ($i * 7) % 60, $methods[$i % 4], $paths[$i % 5], $i, $codes[$i % 6], ($i * 37) % 5000);
}
my (%by_code, %by_path, %by_hour, $bytes, $bad);
for (@log) {
    if (m{^(\d+\.\d+\.\d+\.\d+) \S+ \S+ \[(\d+)/(\w+)/(\d+):(\d+):\d+:\d+ [^\]]+\] "(\w+) ([^?" ]+)(?:\?(\S*))? HTTP/[\d.]+" (\d{3}) (\d+)$}) {
        $by_code{$9}++;
        $by_path{"$6 $7"}++;
        $by_hour{$5}++;
        $bytes += $10;
    } else {
        $bad++;
    }
}
my $errors = grep { / (?:4|5)\d\d \d+$/ } @log;
print "codes: ", join(" ", map { "$_=$by_code{$_}" } sort keys %by_code), "\n";
print "paths: ", scalar(keys %by_path), " hours: ", scalar(keys %by_hour), " bytes: $bytes errors: $errors bad: ", $bad // 0, "\n";
