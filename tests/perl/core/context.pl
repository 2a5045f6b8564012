# Scalar vs list context.
use strict;
use warnings;

sub f { return (4, 5, 6) }
sub g { my @x = (4, 5, 6); return @x }
my $n = () = f();
print "count of f(): $n\n";
my $last = f();
print "comma op in scalar ctx -> last: $last\n";
my $cnt = g();
print "array in scalar ctx -> count: $cnt\n";
my ($first) = f();
print "first: $first\n";
my @a = (1, 2, 3);
print "scalar(\@a): ", scalar(@a), "\n";
my $s = @a;
my ($l) = @a;
print "s=$s l=$l\n";
print "arith on array: ", @a * 2, "\n";
print "string concat array: " . @a . "\n";
# reverse is context-sensitive
my @r = reverse("ab", "cd");
my $rs = reverse("ab", "cd");
print "reverse list: @r scalar: $rs\n";
print "reverse \$_: ", scalar(reverse("hello")), "\n";
# each builtin
my $str = "a,b,c";
my @parts = split /,/, $str;
my $nparts = () = split /,/, $str, -1;
print "split count: $nparts\n";
# grep/map in scalar context
my $evens = grep { $_ % 2 == 0 } 1 .. 10;
my $mapped = map { ($_, $_) } 1 .. 3;
print "grep count: $evens map count: $mapped\n";
# regex match in list vs scalar context
my ($m) = "abc123" =~ /(\d+)/;
my $b = "abc123" =~ /(\d+)/;
print "match list: $m scalar: $b\n";
my @all = "a1b2c3" =~ /\d/g;
print "all: @all\n";
# localtime-free: sort in scalar context is undefined, skip. keys/values:
my %h = (a => 1, b => 2);
my $k = keys %h;
print "keys scalar: $k\n";
# list assignment in scalar ctx returns number of rhs elements
my $c = (my ($x, $y) = (7, 8, 9));
print "list assign count: $c x=$x y=$y\n";
if ((my @got = f()) > 2) { print "more than two: @got\n" }
# context propagation into sub return
sub ctx { wantarray ? "list" : defined wantarray ? "scalar" : "void" }
sub pass_through { return ctx() }
my @pl = pass_through();
my $ps = pass_through();
print "propagated: $pl[0] $ps\n";
my @arr_ctx = (ctx(), scalar(ctx()));
print "in list: @arr_ctx\n";
my %hc = (key => ctx());
print "hash value ctx: $hc{key}\n";
my $tern = 1 ? ctx() : 0;
print "ternary: $tern\n";
print "interp: @{[ ctx() ]} ${\ ctx() }\n";
# the x operator
my @rep = (1, 2) x 2;
my $srep = "ab" x 2.7;
print "x list: @rep x scalar: $srep neg: '", "a" x -1, "'\n";
# chop/chomp return
my $line = "text\n";
my $removed = chomp($line);
print "chomp removed $removed\n";
# array functions returning counts
my @stack = (1);
my $pushed = push @stack, 2, 3;
print "push returns $pushed\n";
# boolean context of lists
my @empty = ();
print "empty array false\n" unless @empty;
print "list in bool: ", ((() = (0)) ? "true" : "false"), "\n";
# scalar(@a) vs $#a + 1 for sparse
my @sparse;
$sparse[5] = 1;
print "sparse: ", scalar(@sparse), " ", $#sparse + 1, "\n";
# wantarray in different call positions
sub which { my $w = wantarray; return defined $w ? ($w ? "L" : "S") : "V" }
my @res = map { which() } 1 .. 2;
print "in map: @res; in cond: ", (which() ? which() : ""), "\n";
my $str2 = "x" . which();
print "in concat: $str2\n";
foreach my $e (which()) { print "foreach list: $e\n" }
