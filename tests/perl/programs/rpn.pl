# A tiny RPN calculator with error handling.
use strict;
use warnings;

my %ops = (
    '+' => sub { $_[0] + $_[1] },
    '-' => sub { $_[0] - $_[1] },
    '*' => sub { $_[0] * $_[1] },
    '/' => sub { die "division by zero\n" if $_[1] == 0; $_[0] / $_[1] },
    '^' => sub { $_[0] ** $_[1] },
    '%' => sub { $_[0] % $_[1] },
);
my %unary = (
    neg  => sub { -$_[0] },
    sqrt => sub { die "sqrt of negative\n" if $_[0] < 0; sqrt $_[0] },
    abs  => sub { abs $_[0] },
);

sub rpn {
    my $expr = shift;
    my @stack;
    for my $tok (split ' ', $expr) {
        if ($tok =~ /^-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i) {
            push @stack, $tok;
        } elsif (my $op = $ops{$tok}) {
            die "stack underflow at '$tok'\n" if @stack < 2;
            my $b = pop @stack;
            my $a = pop @stack;
            push @stack, $op->($a, $b);
        } elsif (my $u = $unary{$tok}) {
            die "stack underflow at '$tok'\n" unless @stack;
            push @stack, $u->(pop @stack);
        } elsif ($tok eq 'dup') {
            push @stack, $stack[-1];
        } elsif ($tok eq 'swap') {
            @stack[-2, -1] = @stack[-1, -2];
        } else {
            die "unknown token '$tok'\n";
        }
    }
    die "leftover stack: @stack\n" if @stack != 1;
    return $stack[0];
}

for my $e ('3 4 +', '5 1 2 + 4 * + 3 -', '2 3 ^', '2 0.5 ^', '10 3 /', '10 3 %', '-7 2 %', '1 0 /', '1 +', '1 2', '4 sqrt neg abs', '3 dup *', '1 2 swap -', '2 x *', '1e3 2.5e-1 *', '.5 .25 +', '2 62 ^ 2 62 ^ +', '9 neg sqrt') {
    my $r = eval { rpn($e) };
    if (defined $r) { printf "%-22s = %s\n", $e, $r }
    else { printf "%-22s ! %s", $e, $@ }
}
