# Helpers for object pipes (shell/src/pipe.rs): each takes the stage's
# arguments, then the list flowing in, and returns the list flowing out.
package PSH::Pipe;
no strict 'refs';

sub head { my $n = shift; $n = 0 if $n < 0; @_ > $n ? @_[0 .. $n - 1] : @_ }
sub tail { my $n = shift; return () if $n <= 0; @_ > $n ? @_[-$n .. -1] : @_ }
sub reverse { CORE::reverse(@_) }
sub count { scalar @_ }
sub sum { my $s = 0; $s += $_ for @_; $s }
sub min { my $m; for (@_) { $m = $_ if !defined $m || $_ < $m } $m }
sub max { my $m; for (@_) { $m = $_ if !defined $m || $_ > $m } $m }
sub first { my $f = shift; for (@_) { return $_ if $f->() } return }
sub table { @_ }

# Values are compared as text; references by identity.
sub uniq { my %seen; grep { !$seen{ defined $_ ? "$_" : "\0undef" }++ } @_ }

# Numbers sort numerically, anything else as text, records by their first
# key in a stable way.
sub sort_default {
    my $num = !grep { !defined $_ || ref $_ || !/^\s*-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/ } @_;
    $num ? CORE::sort { $a <=> $b } @_ : CORE::sort { "$a" cmp "$b" } @_;
}

sub _json { require JSON::PP; JSON::PP->new->canonical->allow_blessed->convert_blessed }
sub to_json {
    my $j = _json();
    map { ref $_ ? $j->encode(_plain($_)) : $j->encode([$_]) =~ s/^\[|\]$//gr } @_;
}
sub from_json {
    my $j = _json();
    map { my $v = $j->decode($_); ref $v eq 'ARRAY' ? @$v : $v } grep { /\S/ } @_;
}
sub _plain { my $v = shift; ref $v && Scalar::Util::blessed($v) && Scalar::Util::reftype($v) eq 'HASH' ? {%$v} : $v }

sub _csv_field { my $v = shift; $v = '' unless defined $v; $v =~ /[",\n]/ ? '"' . ($v =~ s/"/""/gr) . '"' : $v }
sub to_csv {
    return () unless @_;
    if (ref $_[0] eq 'HASH' || (Scalar::Util::reftype($_[0]) // '') eq 'HASH') {
        my @keys = keys %{ $_[0] };
        return (join(',', map { _csv_field($_) } @keys),
                map { my $r = $_; join(',', map { _csv_field($r->{$_}) } @keys) } @_);
    }
    map { ref $_ eq 'ARRAY' ? join(',', map { _csv_field($_) } @$_) : _csv_field($_) } @_;
}
sub _csv_split {
    my $line = shift;
    my @f;
    while ($line =~ /\G(?:"((?:[^"]|"")*)"|([^,]*))(,|$)/g) {
        push @f, defined $1 ? $1 =~ s/""/"/gr : $2;
        last if $3 eq '';
    }
    @f;
}
sub from_csv {
    my @lines = grep { /\S/ } map { s/\r?\n\z//r } @_;
    return () unless @lines;
    my @keys = _csv_split(shift @lines);
    map { my @v = _csv_split($_); my %r; @r{@keys} = @v; \%r } @lines;
}

sub save {
    my $file = shift;
    open(my $fh, '>', $file) or die "save: $file: $!\n";
    my $j;
    for (@_) {
        if (ref $_) { $j //= _json(); print $fh $j->encode(_plain($_)), "\n" }
        else { print $fh "$_\n" }
    }
    close $fh;
    scalar @_;
}

# An external program as a stage: values go to its standard input as
# lines (records as JSON lines), its output comes back as lines.
sub program {
    my $argv = shift;
    require File::Temp;
    my ($fh, $tmp) = File::Temp::tempfile();
    my $j;
    for (@_) {
        if (ref $_) { $j //= _json(); print $fh $j->encode(_plain($_)), "\n" }
        else { print $fh "$_\n" }
    }
    close $fh;
    my $cmd = join ' ', map { "'" . s/'/'\\''/gr . "'" } @$argv;
    my @out = `$cmd < '$tmp'`;
    unlink $tmp;
    chomp @out;
    @out;
}

# Per-batch forms, for a pipeline whose source streams (a program's
# lines, ls -R): each keeps its state in a hash made once per pipeline,
# so that applying it batch after batch gives what the whole-list form
# above gives on all the values at once. `stop` set: no more input needed.

sub head_state { my $n = int(shift); $n = 0 if $n < 0; +{ left => $n, stop => $n == 0 } }
sub head_step {
    my $s = shift;
    my $left = $s->{left};
    if (@_ >= $left) { $s->{left} = 0; $s->{stop} = 1; return @_[0 .. $left - 1] }
    $s->{left} -= @_;
    @_;
}
sub first_step {
    my ($s, $f) = (shift, shift);
    for (@_) { if ($f->()) { $s->{stop} = 1; return $_ } }
    return;
}
sub uniq_step { my $seen = shift; grep { !$seen->{ defined $_ ? "$_" : "\0undef" }++ } @_ }

sub count_add { my $s = shift; $s->{v} += @_; return }
sub sum_add { my $s = shift; my $t = $s->{v}; $t += $_ for @_; $s->{v} = $t; return }
sub min_add { my $s = shift; my $m = $s->{v}; for (@_) { $m = $_ if !defined $m || $_ < $m } $s->{v} = $m; return }
sub max_add { my $s = shift; my $m = $s->{v}; for (@_) { $m = $_ if !defined $m || $_ > $m } $s->{v} = $m; return }

# tail keeps only the last N values seen.
sub tail_state { my $n = int(shift); +{ n => ($n < 0 ? 0 : $n), v => [] } }
sub tail_add {
    my $s = shift;
    my $v = $s->{v};
    push @$v, @_;
    splice(@$v, 0, @$v - $s->{n}) if @$v > $s->{n};
    return;
}

sub to_csv_step {
    my $s = shift;
    return () unless @_;
    my @head;
    unless ($s->{mode}) {
        if (ref $_[0] eq 'HASH' || (Scalar::Util::reftype($_[0]) // '') eq 'HASH') {
            $s->{keys} = [keys %{ $_[0] }];
            @head = (join(',', map { _csv_field($_) } @{ $s->{keys} }));
            $s->{mode} = 'records';
        } else {
            $s->{mode} = 'values';
        }
    }
    if ($s->{mode} eq 'records') {
        my @keys = @{ $s->{keys} };
        return (@head, map { my $r = $_; join(',', map { _csv_field($r->{$_}) } @keys) } @_);
    }
    map { ref $_ eq 'ARRAY' ? join(',', map { _csv_field($_) } @$_) : _csv_field($_) } @_;
}
sub from_csv_step {
    my $s = shift;
    my @lines = grep { /\S/ } map { s/\r?\n\z//r } @_;
    $s->{keys} //= [_csv_split(shift @lines)] if @lines;
    my @keys = @{ $s->{keys} // [] };
    map { my @v = _csv_split($_); my %r; @r{@keys} = @v; \%r } @lines;
}

sub save_state {
    my $file = shift;
    open(my $fh, '>', $file) or die "save: $file: $!\n";
    +{ fh => $fh, n => 0 };
}
sub save_add {
    my $s = shift;
    my $fh = $s->{fh};
    for (@_) {
        if (ref $_) { $s->{j} //= _json(); print $fh $s->{j}->encode(_plain($_)), "\n" }
        else { print $fh "$_\n" }
    }
    $s->{n} += @_;
    return;
}
sub save_end { my $s = shift; close $s->{fh}; $s->{n} }

package main;
1;
