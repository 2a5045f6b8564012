use strict;
use warnings;

# A tiny "make": parse rules from a here-doc, topologically sort targets
# (Kahn's algorithm with deterministic order), detect cycles, expand
# variables, and simulate a build with timestamps.
my $makefile = <<'MK';
CC = cc
CFLAGS = -O2 -Wall
OBJS = main.o util.o parse.o

app: $(OBJS) libfoo.a
	$(CC) $(CFLAGS) -o app $(OBJS) -lfoo
main.o: main.c util.h parse.h
	$(CC) $(CFLAGS) -c main.c
util.o: util.c util.h
	$(CC) $(CFLAGS) -c util.c
parse.o: parse.c parse.h util.h
	$(CC) $(CFLAGS) -c parse.c
libfoo.a: foo.o
	ar rcs libfoo.a foo.o
foo.o: foo.c
	$(CC) -c foo.c
clean:
	rm -f *.o app
MK

my (%var, %deps, %cmds, @order_seen);
my $current;
for my $line (split /\n/, $makefile) {
    next if $line =~ /^\s*(#|$)/;
    if ($line =~ /^(\w+)\s*=\s*(.*)$/) { $var{$1} = $2; next }
    if ($line =~ /^\t(.*)/) { push @{ $cmds{$current} }, $1; next }
    if ($line =~ /^([\w.]+)\s*:\s*(.*)$/) {
        ($current, my $d) = ($1, $2);
        push @order_seen, $current;
        $d =~ s/\$\((\w+)\)/$var{$1} \/\/ ''/ge;
        $deps{$current} = [split ' ', $d];
    }
}
sub expand { my $s = shift; 1 while $s =~ s/\$\((\w+)\)/$var{$1} \/\/ ''/e; $s }

sub topo {
    my ($goal) = @_;
    my (%need, @stack);
    @stack = ($goal);
    while (@stack) {
        my $t = pop @stack;
        next if $need{$t}++;
        push @stack, @{ $deps{$t} || [] };
    }
    my %indeg = map { $_ => 0 } keys %need;
    my %users;
    for my $t (keys %need) {
        for my $d (@{ $deps{$t} || [] }) { $indeg{$t}++; push @{ $users{$d} }, $t }
    }
    my @ready = sort grep { !$indeg{$_} } keys %indeg;
    my @out;
    while (@ready) {
        my $t = shift @ready;
        push @out, $t;
        for my $u (sort @{ $users{$t} || [] }) {
            push @ready, $u unless --$indeg{$u};
        }
        @ready = sort @ready;
    }
    my @cyclic = sort grep { $indeg{$_} } keys %indeg;
    return (\@out, \@cyclic);
}

my ($order, $cyc) = topo('app');
print "build order: @$order\n";
print "cycle: @$cyc\n" if @$cyc;
my %mtime = map { $_ => 10 } grep { /\.[ch]$/ } @$order;
$mtime{'parse.h'} = 50;
my $clock = 100;
my %built = ('util.o' => 60, 'foo.o' => 200, 'libfoo.a' => 210, 'main.o' => 20);
for my $t (@$order) {
    next if exists $mtime{$t} && !$deps{$t};
    my @d = @{ $deps{$t} || [] };
    my $newest = 0;
    for (@d) { my $m = $mtime{$_} // $built{$_} // 0; $newest = $m if $m > $newest }
    my $have = $built{$t};
    if (defined $have && $have >= $newest) {
        printf "%-9s up to date (%d >= %d)\n", $t, $have, $newest;
        $mtime{$t} = $have;
        next;
    }
    $mtime{$t} = ++$clock;
    printf "%-9s rebuild because %s\n", $t, defined $have ? "dependency newer ($newest > $have)" : 'missing';
    print "    ", expand($_), "\n" for @{ $cmds{$t} || [] };
}
$deps{'util.h'} = ['parse.o'];
my ($o2, $c2) = topo('app');
print "with a cycle: order=@$o2\n  stuck=@$c2\n";
print "targets in file order: @order_seen\n";
print "phony (no deps, has commands): ", join(',', grep { !@{ $deps{$_} } && $cmds{$_} } @order_seen), "\n";
