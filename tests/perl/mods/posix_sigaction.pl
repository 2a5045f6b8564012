# POSIX::SigSet, SigAction and sigaction (handlers through %SIG).
use strict; use warnings;
use POSIX qw(:signal_h);
my $got = 0;
my $set = POSIX::SigSet->new(SIGINT);
print $set->ismember(SIGINT), $set->ismember(SIGTERM), "\n";
$set->addset(SIGTERM); print $set->ismember(SIGTERM), "\n";
my $act = POSIX::SigAction->new(sub { $got++ }, $set, 0);
sigaction(SIGUSR1, $act) or die "sigaction: $!";
kill 'USR1', $$;
sleep 1 unless $got;
print "got $got\n";
my $old = POSIX::SigAction->new;
sigaction(SIGUSR1, POSIX::SigAction->new('DEFAULT'), $old);
print ref($old->{HANDLER}), "\n";
my $blk = POSIX::SigSet->new(SIGINT); my $oldset = POSIX::SigSet->new;
print sigprocmask(SIG_BLOCK, $blk, $oldset) ? "mask ok\n" : "mask bad\n";
sigprocmask(SIG_SETMASK, $oldset);
print SIGINT, " ", SIGTERM, " ", SIGKILL, " ", SIG_BLOCK, "\n";
