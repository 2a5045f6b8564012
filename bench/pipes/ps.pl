# ps pipeline (plain Perl): the processes, as records read from /proc,
# those using more than 100 kB, busiest first (cpu: the share of its life
# a process spent on a CPU, as ps(1) computes it).
my $hz = 100;
my ($uptime) = do { open my $u, '<', '/proc/uptime' or die; split ' ', scalar <$u> };
my %users;
my @procs;
opendir my $d, '/proc' or die "/proc: $!";
for my $pid (grep { /^\d+$/ } readdir $d) {
    open my $s, '<', "/proc/$pid/stat" or next;
    my $stat = <$s>;
    my ($name) = $stat =~ /\((.*)\)/s;
    my @f = split ' ', substr($stat, rindex($stat, ')') + 2);
    open my $st, '<', "/proc/$pid/status" or next;
    my %status = map { /^(\w+):\s*(.*)/ ? ($1, $2) : () } <$st>;
    my $uid = (split ' ', $status{Uid} // '0')[0];
    my $user = $users{$uid} //= (getpwuid $uid)[0] // $uid;
    my $cmd = do { local $/; open my $c, '<', "/proc/$pid/cmdline" or next; <$c> } // '';
    $cmd =~ tr/\0/ /;
    my $life = $uptime - $f[19] / $hz;
    push @procs, {
        pid => $pid, ppid => $f[1], user => $user, name => $name, cmd => $cmd =~ s/ $//r,
        cpu => $life > 0 ? 100 * ($f[11] + $f[12]) / $hz / $life : 0,
        mem => ($status{VmRSS} // 0) * 1024, vsz => $f[20], state => $f[0],
        threads => $f[17],
    };
}
my @busy = sort { $b->{cpu} <=> $a->{cpu} } grep { $_->{mem} > 100_000 } @procs;
print scalar(@busy) > 0 ? "ok\n" : "none\n";
