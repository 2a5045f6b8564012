# psh's IO::File: the constructors and `open`, in Perl; the IO::Handle
# methods themselves are built into the interpreter (iohandle.rs).
package IO::File;

my $gen = 0;

sub import {
    my $pkg = caller;
    require Fcntl;
    no strict 'refs';
    my @names = ((grep { /^O_/ } @Fcntl::EXPORT), qw(SEEK_SET SEEK_CUR SEEK_END));
    for my $n (@names) {
        *{"${pkg}::$n"} = \&{"Fcntl::$n"} if defined &{"Fcntl::$n"};
    }
}

sub _anon_glob {
    no strict 'refs';
    my $name = "IO::File::_GEN_" . $gen++;
    my $ref = \*{$name};
    delete $IO::File::{"_GEN_" . ($gen - 1)};
    $ref;
}

sub new {
    my $class = shift;
    $class = ref($class) || $class || 'IO::File';
    my $fh = bless _anon_glob(), $class;
    if (@_) {
        $fh->open(@_) or return undef;
    }
    $fh;
}

sub new_tmpfile {
    my $class = shift;
    $class = ref($class) || $class || 'IO::File';
    my $fh = bless _anon_glob(), $class;
    open($fh, '+>', undef) or return undef;
    $fh;
}

my %modes = (
    'r' => '<', 'rb' => '<', 'w' => '>', 'wb' => '>', 'a' => '>>', 'ab' => '>>',
    'r+' => '+<', 'rb+' => '+<', 'r+b' => '+<', 'w+' => '+>', 'wb+' => '+>',
    'w+b' => '+>', 'a+' => '+>>', 'ab+' => '+>>', 'a+b' => '+>>',
    '<' => '<', '>' => '>', '>>' => '>>', '+<' => '+<', '+>' => '+>', '+>>' => '+>>',
);

sub open {
    @_ >= 2 && @_ <= 4 or do { require Carp; Carp::croak('usage: $fh->open(FILENAME [,MODE [,PERMS]])') };
    my ($fh, $file) = @_;
    if (@_ > 2) {
        my ($mode, $perms) = @_[2, 3];
        if ($mode =~ /^\d+$/) {
            defined $perms or $perms = 0666;
            return sysopen($fh, $file, $mode, $perms);
        }
        elsif ($mode =~ /:/) {
            return open($fh, $mode, $file) if @_ == 3;
            require Carp;
            Carp::croak('usage: $fh->open(FILENAME, IOLAYERS)');
        }
        else {
            my $m = $modes{$mode};
            unless (defined $m) {
                require Carp;
                Carp::croak("IO::Handle: bad open mode: $mode");
            }
            return open($fh, $m, $file);
        }
    }
    open($fh, $file);
}

sub binmode {
    my $fh = shift;
    @_ ? binmode($fh, $_[0]) : binmode($fh);
}

package IO::Handle;

sub new {
    my $class = shift;
    $class = ref($class) || $class || 'IO::Handle';
    bless IO::File::_anon_glob(), $class;
}

sub new_from_fd {
    my $class = shift;
    my ($fd, $mode) = @_;
    my $fh = $class->new;
    $mode = defined $mode ? $mode : 'r';
    $mode = { r => '<', w => '>', a => '>>', 'r+' => '+<', 'w+' => '+>', 'a+' => '+>>' }->{$mode} || $mode;
    $fd = fileno($fd) if ref $fd;
    open($fh, "$mode&=", $fd) or return undef;
    $fh;
}

sub fdopen {
    my ($fh, $fd, $mode) = @_;
    $mode = { r => '<', w => '>', a => '>>', 'r+' => '+<', 'w+' => '+>', 'a+' => '+>>' }->{$mode} || $mode;
    $fd = fileno($fd) if ref $fd;
    open($fh, "$mode&=", $fd) ? $fh : undef;
}

sub read { read($_[0], $_[1], $_[2], $_[3] || 0) }
sub sysread { sysread($_[0], $_[1], $_[2], $_[3] || 0) }
sub syswrite {
    my ($fh, $buf, $len, $off) = @_;
    defined $len ? syswrite($fh, $buf, $len, $off || 0) : syswrite($fh, $buf);
}
sub write {
    my ($fh, $buf, $len, $off) = @_;
    print $fh substr($buf, $off || 0, defined $len ? $len : length $buf);
}
sub truncate { truncate($_[0], $_[1]) }
sub stat { stat($_[0]) }
sub error { 0 }
sub clearerr { 0 }
sub sync { 1 }
sub blocking { 1 }

package IO::Seekable;

sub seek { seek($_[0], $_[1], $_[2]) }
sub sysseek { sysseek($_[0], $_[1], $_[2]) }
sub tell { tell($_[0]) }
sub setpos { defined $_[1] ? seek($_[0], $_[1], 0) : undef }
sub getpos { tell($_[0]) }

1;
