# %SIG handlers for real signals: kill to self, alarm ending a sleep inside eval, IGNORE, named handlers, POSIX sigaction.
use strict; use warnings;
my $got = 0;
$SIG{USR1} = sub { $got++; print "handler $_[0]\n" };
kill 'USR1', $$;
print "got $got\n";
my $r = eval {
    local $SIG{ALRM} = sub { die "timeout\n" };
    alarm 1;
    sleep 5;
    alarm 0;
    1;
};
print "eval: ", ($r ? "finished" : "died: $@");
$SIG{USR2} = 'IGNORE'; kill USR2 => $$; print "ignored ok\n";
sub named { print "named handler\n" }
$SIG{HUP} = 'named'; kill HUP => $$;
print "alarm prev: ", alarm(0), "\n";
