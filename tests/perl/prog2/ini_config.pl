#!/usr/bin/perl
use strict;
use warnings;

# INI reader/writer with sections, continuation lines, interpolation and
# typed getters; round-trips through a temp file.
my $dir = "/tmp/psh_prog2_ini_$$";
mkdir $dir or die "mkdir: $!";
my $file = "$dir/app.ini";
open my $out, '>', $file or die "open: $!";
print $out <<'INI';
; global settings
name = demo app
version=2.5

[database]
host = localhost
port = 5432
user = admin   ; trailing comment
dsn  = dbi:Pg:host=${host};port=${port}
options = a, b, \
          c, d

[paths]
root = /srv/app
logs = ${root}/logs
cache=${root}/cache
empty =

[features]
debug = yes
verbose = off
retries = 3
[broken
INI
close $out;

sub read_ini {
    my ($path) = @_;
    open my $fh, '<', $path or die "cannot open $path: $!";
    my %ini = ('' => {});
    my @errors;
    my $sect = '';
    my $pending = '';
    while (my $line = <$fh>) {
        chomp $line;
        if ($line =~ s/\\\s*$//) { $pending .= $line; next }
        $line = $pending . $line;
        $pending = '';
        $line =~ s/\s+;.*$//;
        next if $line =~ /^\s*(?:[;#].*)?$/;
        if ($line =~ /^\s*\[\s*([^\]]+?)\s*\]\s*$/) {
            $sect = lc $1;
            $ini{$sect} ||= {};
        } elsif ($line =~ /^\s*([\w.]+)\s*=\s*(.*?)\s*$/) {
            $ini{$sect}{$1} = $2;
        } else {
            push @errors, "line $.: cannot parse '$line'";
        }
    }
    close $fh;
    for my $s (keys %ini) {
        my $h = $ini{$s};
        for my $k (keys %$h) {
            1 while $h->{$k} =~ s/\$\{(\w+)\}/exists $h->{$1} ? $h->{$1} : "<$1?>"/e;
        }
    }
    return (\%ini, \@errors);
}

my ($ini, $errors) = read_ini($file);
print "error: $_\n" for @$errors;
for my $s (sort keys %$ini) {
    printf "[%s]\n", length $s ? $s : '(global)';
    for my $k (sort keys %{ $ini->{$s} }) {
        printf "  %-8s = '%s'\n", $k, $ini->{$s}{$k};
    }
}

my %truth = map { $_ => 1 } qw(yes on true 1);
sub get_bool { my ($s, $k) = @_; return $truth{ lc($ini->{$s}{$k} // '') } ? 1 : 0 }
sub get_list { my ($s, $k) = @_; return split /\s*,\s*/, $ini->{$s}{$k} // '' }
sub get_int  { my ($s, $k, $d) = @_; my $v = $ini->{$s}{$k}; return defined $v && $v =~ /^-?\d+$/ ? $v : $d }
print "debug=", get_bool('features', 'debug'), " verbose=", get_bool('features', 'verbose'), "\n";
print "options: ", join('|', get_list('database', 'options')), "\n";
print "retries=", get_int('features', 'retries', 1), " timeout=", get_int('features', 'timeout', 30), "\n";

# modify and write back in a stable order
$ini->{database}{port}++;
$ini->{new} = { created => 'yes', count => scalar keys %{ $ini->{paths} } };
delete $ini->{paths}{empty};
open my $w, '>', "$dir/out.ini" or die;
for my $s (sort keys %$ini) {
    print $w "[$s]\n" if length $s;
    print $w "$_ = $ini->{$s}{$_}\n" for sort keys %{ $ini->{$s} };
    print $w "\n";
}
close $w;
my ($again) = read_ini("$dir/out.ini");
print "round trip: port=$again->{database}{port} count=$again->{new}{count}\n";
print "sizes: ", join(' ', map { "$_=" . (-s "$dir/$_") } sort grep { -f "$dir/$_" } map { s{.*/}{}r } glob("$dir/*.ini")), "\n";
unlink glob "$dir/*.ini";
rmdir $dir or die "rmdir: $!";
print "cleaned up: ", (-e $dir ? "no" : "yes"), "\n";
