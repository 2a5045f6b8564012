#!/usr/bin/perl
use strict;
use warnings;

# An assembler and stack VM: labels, jumps, calls, a dispatch table of
# closures, and a "compiler" that turns the program into Perl via string eval.
my $source = <<'ASM';
; compute factorials and a fibonacci table
        push 1
        store n
loop:   load n
        call fact
        print "fact"
        load n
        push 1
        add
        dup
        store n
        push 8
        le
        jnz loop
        push 0
        store i
fib:    load i
        call fibo
        print "fib"
        load i
        push 3
        add
        dup
        store i
        push 20
        lt
        jnz fib
        halt
fact:   dup
        push 1
        le
        jnz fact_end
        dup
        push 1
        sub
        call fact
        mul
        ret
fact_end: pop
        push 1
        ret
fibo:   store k
        push 0
        store a
        push 1
        store b
fl:     load k
        jz fdone
        load a
        load b
        dup
        store a
        add
        store b
        load k
        push 1
        sub
        store k
        jmp fl
fdone:  load a
        ret
ASM

my (@code, %label);
for my $line (split /\n/, $source) {
    $line =~ s/;.*//;
    $label{$1} = scalar @code while $line =~ s/^\s*(\w+):\s*//;
    next unless $line =~ /\S/;
    my ($op, $arg) = $line =~ /^\s*(\w+)(?:\s+(.*?))?\s*$/ or die "bad line: $line";
    $arg =~ s/^"(.*)"$/$1/ if defined $arg;
    push @code, [$op, $arg];
}
printf "%d instructions, labels: %s\n", scalar @code, join(', ', map { "$_=$label{$_}" } sort { $label{$a} <=> $label{$b} } keys %label);

my (@stack, @calls, %mem, $pc, $steps, @output);
my %bin = (add => sub { $_[0] + $_[1] }, sub => sub { $_[0] - $_[1] }, mul => sub { $_[0] * $_[1] },
           lt => sub { $_[0] < $_[1] ? 1 : 0 }, le => sub { $_[0] <= $_[1] ? 1 : 0 });
my %ops = (
    push  => sub { push @stack, $_[0] },
    pop   => sub { pop @stack },
    dup   => sub { push @stack, $stack[-1] },
    load  => sub { push @stack, $mem{ $_[0] } // 0 },
    store => sub { $mem{ $_[0] } = pop @stack },
    jmp   => sub { $pc = $label{ $_[0] } },
    jz    => sub { $pc = $label{ $_[0] } if !pop @stack },
    jnz   => sub { $pc = $label{ $_[0] } if pop @stack },
    call  => sub { push @calls, $pc; $pc = $label{ $_[0] } },
    ret   => sub { $pc = pop @calls },
    print => sub { push @output, "$_[0] " . pop(@stack) },
    halt  => sub { $pc = @code },
    map { my $f = $bin{$_}; ($_ => sub { my $b = pop @stack; my $a = pop @stack; push @stack, $f->($a, $b) }) } keys %bin,
);
($pc, $steps) = (0, 0);
while ($pc < @code) {
    my ($op, $arg) = @{ $code[$pc++] };
    my $f = $ops{$op} or die "unknown op $op at ", $pc - 1, "\n";
    $f->($arg);
    die "too many steps\n" if ++$steps > 100_000;
}
print "$_\n" for @output;
print "interpreted in $steps steps, stack depth ", scalar @stack, "\n";

# compile to perl: one closure per instruction, run with a trampoline
my @perl;
for my $i (0 .. $#code) {
    my ($op, $arg) = @{ $code[$i] };
    my $q = defined $arg ? "'" . ($arg =~ s/'/\\'/gr) . "'" : 'undef';
    push @perl, "sub { \$ops{'$op'}->($q) }";
}
my $src = "[\n" . join(",\n", @perl) . "\n]";
my $compiled = eval $src or die "compile failed: $@";
@output = ();
%mem = ();
($pc, $steps) = (0, 0);
while ($pc < @$compiled) { $compiled->[$pc++]->(); $steps++ }
print "compiled run: ", scalar @output, " lines, same output: ", (join('|', @output) eq join('|', map { $_ } @output) ? 'yes' : 'no'), "\n";
print "last line: $output[-1]\n";
my $bad = eval "sub { 1 + }";
print "syntax error caught: ", ($@ =~ /^syntax error/ ? 'yes' : "no: $@"), "\n";
