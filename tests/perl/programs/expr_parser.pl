# A recursive-descent expression parser and evaluator with variables and functions.
use strict;
use warnings;

my %vars = (pi => 3.14159265358979, e => exp(1));
my %funcs = (sqrt => sub { sqrt $_[0] }, max => sub { my $m = shift; for (@_) { $m = $_ if $_ > $m } $m }, min => sub { my $m = shift; for (@_) { $m = $_ if $_ < $m } $m }, abs => sub { abs $_[0] });
my @tokens;

sub tokenize {
    my $s = shift;
    my @t;
    while ($s =~ /\G\s*(?:(\d+(?:\.\d*)?|\.\d+)|([A-Za-z_]\w*)|(\*\*|[-+*\/%^(),=]))/gc) {
        push @t, defined $1 ? [num => $1] : defined $2 ? [id => $2] : [op => $3];
    }
    $s =~ /\G\s*$/gc or die "bad character at position " . (pos($s) // 0) . "\n";
    return @t;
}
sub peek { @tokens ? $tokens[0] : [eof => ''] }
sub next_tok { shift @tokens // [eof => ''] }
sub expect { my $v = shift; my $t = next_tok(); die "expected '$v' but got '$t->[1]'\n" unless $t->[0] eq 'op' && $t->[1] eq $v }

sub statement {
    if (@tokens >= 2 && $tokens[0][0] eq 'id' && $tokens[1][0] eq 'op' && $tokens[1][1] eq '=') {
        my $name = next_tok()->[1];
        next_tok();
        return $vars{$name} = expr();
    }
    return expr();
}
sub expr {
    my $v = term();
    while (peek()->[0] eq 'op' && peek()->[1] =~ /^[-+]$/) {
        my $op = next_tok()->[1];
        my $r = term();
        $v = $op eq '+' ? $v + $r : $v - $r;
    }
    return $v;
}
sub term {
    my $v = unary();
    while (peek()->[0] eq 'op' && peek()->[1] =~ m{^[*/%]$}) {
        my $op = next_tok()->[1];
        my $r = unary();
        if ($op eq '*') { $v *= $r }
        elsif ($op eq '/') { die "division by zero\n" if $r == 0; $v /= $r }
        else { $v %= $r }
    }
    return $v;
}
sub unary {
    if (peek()->[0] eq 'op' && peek()->[1] eq '-') { next_tok(); return -unary() }
    if (peek()->[0] eq 'op' && peek()->[1] eq '+') { next_tok(); return unary() }
    return power();
}
sub power {
    my $base = primary();
    if (peek()->[0] eq 'op' && (peek()->[1] eq '^' || peek()->[1] eq '**')) {
        next_tok();
        return $base ** unary();
    }
    return $base;
}
sub primary {
    my $t = next_tok();
    return $t->[1] if $t->[0] eq 'num';
    if ($t->[0] eq 'id') {
        if (peek()->[0] eq 'op' && peek()->[1] eq '(') {
            next_tok();
            my @args;
            unless (peek()->[1] eq ')') {
                push @args, expr();
                while (peek()->[1] eq ',') { next_tok(); push @args, expr() }
            }
            expect(')');
            my $f = $funcs{ $t->[1] } or die "unknown function $t->[1]\n";
            return $f->(@args);
        }
        die "unknown variable $t->[1]\n" unless exists $vars{ $t->[1] };
        return $vars{ $t->[1] };
    }
    if ($t->[0] eq 'op' && $t->[1] eq '(') {
        my $v = expr();
        expect(')');
        return $v;
    }
    die "unexpected '" . ($t->[1] eq '' ? 'end of input' : $t->[1]) . "'\n";
}
sub evaluate {
    my $src = shift;
    @tokens = tokenize($src);
    my $v = statement();
    die "trailing input '" . peek()->[1] . "'\n" if @tokens;
    return $v;
}

for my $src ('1 + 2 * 3', '(1 + 2) * 3', '2 ^ 3 ^ 2', '-2 ^ 2', '2 ** -1', '10 / 4', '10 % 4', 'x = 5', 'y = x * 2 + 1', 'x + y', 'max(1, y, 3) - min(4, x)', 'sqrt(16) + abs(-2.5)', 'pi * 2', '1 / 0', '2 +', '(1 + 2', 'foo(1)', 'zz + 1', '3 $ 4', '1 2', '.5 + 1.', '-(-(-1))', '2 * (3 + 4) * 5 - 6 / 2') {
    my $v = eval { evaluate($src) };
    if (defined $v) { printf "%-28s => %s\n", $src, $v } else { printf "%-28s !! %s", $src, $@ }
}
print "variables: ", join(", ", map { "$_=" . (0 + sprintf("%.6g", $vars{$_})) } sort keys %vars), "\n";
