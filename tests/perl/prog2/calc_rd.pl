use v5.36;

# Recursive-descent calculator with variables, functions and error reporting.
my %vars = (pi => 3.14159265358979, e => 2.71828182845905);
my %funcs = (
    sqrt => sub ($x) { die "sqrt of negative\n" if $x < 0; sqrt $x },
    abs  => sub ($x) { abs $x },
    max  => sub (@xs) { my $m = shift @xs; for (@xs) { $m = $_ if $_ > $m } $m },
    min  => sub (@xs) { my $m = shift @xs; for (@xs) { $m = $_ if $_ < $m } $m },
    sum  => sub (@xs) { my $s = 0; $s += $_ for @xs; $s },
);

sub tokenize ($src) {
    my @t;
    for ($src) {
        while (1) {
            if (/\G\s+/gc) { next }
            elsif (/\G(\d+(?:\.\d*)?)/gc) { push @t, [NUM => $1] }
            elsif (/\G([A-Za-z_]\w*)/gc) { push @t, [ID => $1] }
            elsif (/\G(\*\*|[-+*\/%(),=])/gc) { push @t, [OP => $1] }
            elsif (/\G\z/gc) { last }
            elsif (/\G(.)/gc) { die "bad character '$1' at " . (pos() - 1) . "\n" }
        }
    }
    return \@t;
}

package Parser {
    sub new ($class, $toks) { bless { t => $toks, i => 0 }, $class }
    sub peek ($self) { $self->{t}[ $self->{i} ] }
    sub next_tok ($self) { $self->{t}[ $self->{i}++ ] }
    sub accept ($self, $v) {
        my $t = $self->peek;
        if ($t && $t->[1] eq $v) { $self->{i}++; return 1 }
        return 0;
    }
    sub expect ($self, $v) {
        $self->accept($v) or die "expected '$v'\n";
    }
    sub statement ($self) {
        my $t = $self->peek;
        my $n = $self->{t}[ $self->{i} + 1 ];
        if ($t && $t->[0] eq 'ID' && $n && $n->[1] eq '=') {
            $self->{i} += 2;
            my $v = $self->expr;
            $vars{ $t->[1] } = $v;
            return $v;
        }
        return $self->expr;
    }
    sub expr ($self) {
        my $v = $self->term;
        while (1) {
            if    ($self->accept('+')) { $v += $self->term }
            elsif ($self->accept('-')) { $v -= $self->term }
            else                       { return $v }
        }
    }
    sub term ($self) {
        my $v = $self->power;
        while (1) {
            if ($self->accept('*')) { $v *= $self->power }
            elsif ($self->accept('/')) {
                my $d = $self->power;
                die "division by zero\n" if $d == 0;
                $v /= $d;
            }
            elsif ($self->accept('%')) { $v %= $self->power }
            else                       { return $v }
        }
    }
    sub power ($self) {
        my $b = $self->unary;
        return $self->accept('**') ? $b**$self->power : $b;
    }
    sub unary ($self) {
        return -$self->unary if $self->accept('-');
        return $self->unary  if $self->accept('+');
        return $self->primary;
    }
    sub primary ($self) {
        my $t = $self->next_tok // die "unexpected end\n";
        return $t->[1] if $t->[0] eq 'NUM';
        if ($t->[1] eq '(') {
            my $v = $self->expr;
            $self->expect(')');
            return $v;
        }
        if ($t->[0] eq 'ID') {
            if ($self->accept('(')) {
                my @args;
                unless ($self->accept(')')) {
                    do { push @args, $self->expr } while $self->accept(',');
                    $self->expect(')');
                }
                my $f = $funcs{ $t->[1] } // die "unknown function $t->[1]\n";
                return $f->(@args);
            }
            exists $vars{ $t->[1] } or die "undefined variable $t->[1]\n";
            return $vars{ $t->[1] };
        }
        die "unexpected '$t->[1]'\n";
    }
}

my @lines = (
    '1 + 2 * 3', '(1 + 2) * 3', '2 ** 3 ** 2', '-2 ** 2', 'x = 10', 'y = x * 2 + 1',
    'x * y', '17 % 5', '1 / 3', 'sqrt(2)', 'max(3, 9, 4) - min(8, 2, 5)',
    'sum(1,2,3,4,5) / 5', 'pi * 2', '1 / 0', 'foo + 1', '3 $ 4', '(1 + 2',
    'sqrt(-1)', 'bar(1)', 'abs(-7.5)', '2 * (3 + 4) * 5',
);
for my $line (@lines) {
    my $r = eval {
        my $p = Parser->new(tokenize($line));
        my $v = $p->statement;
        die "trailing input\n" if $p->peek;
        $v;
    };
    if (defined $r) { printf "%-28s => %s\n", $line, $r }
    else            { printf "%-28s => error: %s", $line, $@ }
}
say join ', ', map { "$_=$vars{$_}" } sort keys %vars;
