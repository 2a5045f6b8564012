# psh's POSIX signal functions (XS in perl), in Perl: POSIX::SigSet objects
# are hashes of signal numbers; sigaction installs the handler in %SIG.
package POSIX;

my @signame = qw(ZERO HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE
  ALRM TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO
  PWR SYS);

sub sigaction {
    croak("Usage: POSIX::sigaction(sig, action, oldaction = 0)") if @_ < 2 || @_ > 3;
    my ($sig, $action, $old) = @_;
    my $name = $sig =~ /^\d+$/ ? $signame[$sig] : $sig;
    $name =~ s/^SIG//;
    unless (defined $name && $sig) {
        $! = 22;
        return undef;
    }
    if (ref $old) {
        my $h = $SIG{$name};
        $old->{HANDLER} = defined $h && $h ne '' ? $h : 'DEFAULT';
    }
    if (defined $action) {
        my $h = ref $action eq 'HASH' || (ref $action && $action->isa('POSIX::SigAction'))
          ? $action->{HANDLER} : $action;
        $SIG{$name} = $h;
    }
    "0 but true";
}

sub sigprocmask {
    croak("Usage: POSIX::sigprocmask(how, sigset, oldsigset = 0)") if @_ < 2 || @_ > 3;
    "0 but true";
}

sub sigpending { "0 but true" }
sub sigsuspend { POSIX::pause() }

package POSIX::SigSet;

sub new {
    my $class = shift;
    bless { map { $_ => 1 } @_ }, $class;
}
sub addset { $_[0]{ $_[1] } = 1; "0 but true" }
sub delset { delete $_[0]{ $_[1] }; "0 but true" }
sub emptyset { %{ $_[0] } = (); "0 but true" }
sub fillset { $_[0]{$_} = 1 for 1 .. 64; "0 but true" }
sub ismember { $_[0]{ $_[1] } ? 1 : 0 }

1;
