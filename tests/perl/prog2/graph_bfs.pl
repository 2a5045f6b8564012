#!/usr/bin/perl
use strict;
use warnings;

my %graph;
while (my $line = <DATA>) {
    chomp $line;
    next if $line =~ /^\s*(#|$)/;
    my ($from, $to, $w) = split /\s*[-:]\s*|\s+/, $line;
    push @{ $graph{$from} }, [$to, $w];
    push @{ $graph{$to} }, [$from, $w];
}

print "Nodes: ", join(', ', sort keys %graph), "\n";
for my $n (sort keys %graph) {
    printf "  %-3s -> %s\n", $n, join ' ', map { "$_->[0]($_->[1])" } sort { $a->[0] cmp $b->[0] } @{ $graph{$n} };
}

sub bfs {
    my ($start, $goal) = @_;
    my %prev = ($start => undef);
    my @queue = ($start);
    while (@queue) {
        my $n = shift @queue;
        last if $n eq $goal;
        for my $e (sort { $a->[0] cmp $b->[0] } @{ $graph{$n} }) {
            next if exists $prev{ $e->[0] };
            $prev{ $e->[0] } = $n;
            push @queue, $e->[0];
        }
    }
    return unless exists $prev{$goal};
    my @path = ($goal);
    unshift @path, $prev{ $path[0] } while defined $prev{ $path[0] };
    return @path;
}

sub dijkstra {
    my ($start) = @_;
    my %dist = ($start => 0);
    my %done;
    while (1) {
        my ($u) = sort { $dist{$a} <=> $dist{$b} || $a cmp $b } grep { !$done{$_} } keys %dist;
        last unless defined $u;
        $done{$u} = 1;
        for my $e (@{ $graph{$u} }) {
            my ($v, $w) = @$e;
            my $nd = $dist{$u} + $w;
            $dist{$v} = $nd if !defined $dist{$v} || $nd < $dist{$v};
        }
    }
    return \%dist;
}

sub components {
    my %seen;
    my @comps;
    for my $n (sort keys %graph) {
        next if $seen{$n}++;
        my @stack = ($n);
        my @comp;
        while (defined(my $x = pop @stack)) {
            push @comp, $x;
            for my $e (@{ $graph{$x} }) {
                push @stack, $e->[0] unless $seen{ $e->[0] }++;
            }
        }
        push @comps, [sort @comp];
    }
    return @comps;
}

for my $pair (['A', 'F'], ['A', 'D'], ['F', 'B'], ['A', 'Z']) {
    my @p = bfs(@$pair);
    printf "bfs %s..%s: %s\n", @$pair, @p ? join('->', @p) : 'unreachable';
}
my $d = dijkstra('A');
for my $n (sort { $d->{$a} <=> $d->{$b} or $a cmp $b } keys %$d) {
    printf "dist A->%s = %3d\n", $n, $d->{$n};
}
my @c = components();
print scalar(@c), " components\n";
print "  [@$_]\n" for @c;
__DATA__
# edges: from-to:weight
A-B:4
A-C:2
B-C:5
B-D:10
C-E:3
E-D:4
D-F:11
X-Y:1
Y-Z:7
