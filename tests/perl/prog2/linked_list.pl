#!/usr/bin/perl
use strict;
use warnings;

# Linked lists, binary search tree and a stack/queue built from hashrefs.
package LinkedList;
sub new { my $class = shift; my $self = bless { head => undef, size => 0 }, $class; $self->push($_) for @_; $self }
sub push {
    my ($self, $v) = @_;
    my $node = { value => $v, next => undef };
    if (my $n = $self->{head}) {
        $n = $n->{next} while $n->{next};
        $n->{next} = $node;
    } else {
        $self->{head} = $node;
    }
    $self->{size}++;
    return $self;
}
sub unshift { my ($self, $v) = @_; $self->{head} = { value => $v, next => $self->{head} }; $self->{size}++; $self }
sub reverse {
    my $self = shift;
    my ($prev, $cur) = (undef, $self->{head});
    while ($cur) {
        my $next = $cur->{next};
        $cur->{next} = $prev;
        ($prev, $cur) = ($cur, $next);
    }
    $self->{head} = $prev;
    return $self;
}
sub to_list { my $self = shift; my @out; for (my $n = $self->{head}; $n; $n = $n->{next}) { push @out, $n->{value} } @out }
sub remove_if {
    my ($self, $pred) = @_;
    my $removed = 0;
    while ($self->{head} && $pred->($self->{head}{value})) { $self->{head} = $self->{head}{next}; $removed++ }
    my $n = $self->{head};
    while ($n && $n->{next}) {
        if ($pred->($n->{next}{value})) { $n->{next} = $n->{next}{next}; $removed++ }
        else { $n = $n->{next} }
    }
    $self->{size} -= $removed;
    return $removed;
}
sub as_string { my $self = shift; '(' . join(' -> ', $self->to_list) . ')' }

package BST;
sub new { bless { root => undef, count => 0 }, shift }
sub insert {
    my ($self, $k) = @_;
    my $ref = \$self->{root};
    while ($$ref) {
        return 0 if $$ref->{key} == $k;
        $ref = $k < $$ref->{key} ? \$$ref->{left} : \$$ref->{right};
    }
    $$ref = { key => $k };
    $self->{count}++;
    return 1;
}
sub inorder { my ($n, $acc) = @_; return $acc unless $n; inorder($n->{left}, $acc); push @$acc, $n->{key}; inorder($n->{right}, $acc); $acc }
sub height { my $n = shift; return 0 unless $n; my ($l, $r) = (height($n->{left}), height($n->{right})); 1 + ($l > $r ? $l : $r) }
sub contains {
    my ($self, $k) = @_;
    my $n = $self->{root};
    my $steps = 0;
    while ($n) { $steps++; return $steps if $n->{key} == $k; $n = $k < $n->{key} ? $n->{left} : $n->{right} }
    return -$steps;
}
sub render {
    my ($n, $depth, $out) = @_;
    return unless $n;
    render($n->{right}, $depth + 1, $out);
    push @$out, ('    ' x $depth) . $n->{key};
    render($n->{left}, $depth + 1, $out);
}

package main;

my $l = LinkedList->new(1 .. 6);
print "list: ", $l->as_string, " size=$l->{size}\n";
$l->unshift(0)->push(7);
print "after unshift/push: ", $l->as_string, "\n";
print "reversed: ", $l->reverse->as_string, "\n";
my $n = $l->remove_if(sub { $_[0] % 2 == 0 });
print "removed $n evens: ", $l->as_string, " size=$l->{size}\n";

my $t = BST->new;
my @keys = (50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 50);
my @dups = grep { !$t->insert($_) } @keys;
print "duplicates rejected: @dups\n";
print "inorder: @{ BST::inorder($t->{root}, []) }\n";
print "count=$t->{count} height=", BST::height($t->{root}), "\n";
for my $k (45, 65, 10, 99) {
    my $s = $t->contains($k);
    printf "find %2d: %s after %d step%s\n", $k, $s > 0 ? 'found' : 'missing', abs $s, abs($s) == 1 ? '' : 's';
}
my @lines;
BST::render($t->{root}, 0, \@lines);
print "$_\n" for @lines;

# stack and queue
my (@stack, @queue);
for my $tok (qw(a b c d e)) { push @stack, $tok; push @queue, $tok }
print "pop order: ", join(',', map { pop @stack } 1 .. 5), "\n";
print "shift order: ", join(',', map { shift @queue } 1 .. 5), "\n";
# balanced brackets with a stack
for my $s ('([]{()})', '([)]', '((()', 'a(b)c[d]{e}', '}') {
    my @st;
    my %pair = (')' => '(', ']' => '[', '}' => '{');
    my $ok = 1;
    for my $c (split //, $s) {
        if ($c =~ /[(\[{]/) { push @st, $c }
        elsif (exists $pair{$c}) { if (!@st || pop(@st) ne $pair{$c}) { $ok = 0; last } }
    }
    $ok = 0 if @st;
    printf "%-12s %s\n", $s, $ok ? 'balanced' : 'unbalanced';
}
