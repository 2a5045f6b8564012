# goto LABEL: backwards and forwards in one block, out of nested blocks and
# loops, out of subs and eval, computed labels, and the errors.
use strict;
use warnings;

my $i = 0;
AGAIN:
$i++;
print "i=$i\n";
goto AGAIN if $i < 3;

sub retry {
    my $n = 0;
  RETRY:
    $n++;
    if ($n < 4) {
        for my $x (1 .. 2) { goto RETRY if $x == 2 }
    }
    return "n=$n";
}
print retry(), "\n";

# The last statement's value after a goto back.
sub last_value {
    my $k = 0;
  TOP:
    $k++;
    goto TOP if $k < 5;
    $k * 10;
}
print "last_value=", last_value(), "\n";
my @vals = map { my $k = 0; L: $k++; goto L if $k < $_; $k } 1 .. 4;
print "@vals\n";

# Out of a sub into its caller's block.
sub outer { inner(); print "not reached\n"; }
sub inner { local $_ = "inner"; goto OUT; }
$_ = "before";
outer();
print "skipped\n";
OUT: print "out, \$_ is $_\n";

# Locals and my variables unwind on the way.
our $g = "global";
sub setg { local $g = "localised"; goto DONE_G; }
setg();
DONE_G: print "g=$g\n";

# Out of an eval block: the eval is left, $@ untouched.
$@ = "kept";
eval { goto AFTER_EVAL; 1 };
print "not reached\n";
AFTER_EVAL: print "after eval: $@\n";

# Not found: an ordinary die where the goto is.
eval { goto NOWHERE; };
print "err: $@";
sub missing { goto ALSO_MISSING }
eval { missing() };
print "err: $@";

# Computed labels.
for my $target (qw(FIRST SECOND)) {
    goto $target;
  FIRST: print "at first\n"; next;
  SECOND: print "at second\n";
}
my $lab = "DYN";
goto $lab;
print "not reached\n";
DYN: print "dyn\n";
eval { goto ""; };
print "empty: $@";

# Forwards, onto a labelled block and a labelled loop.
goto FORWARD;
print "not reached\n";
FORWARD: { print "block\n" }
my $c = 0;
my $again = 1;
LOOP: while ($c < 3) { $c++ }
if ($again) { $again = 0; $c = 1; goto LOOP }
print "c=$c\n";

# A loop body's own labels.
for my $n (1 .. 3) {
    my $tries = 0;
  BODY:
    $tries++;
    goto BODY if $tries < $n;
    print "n=$n tries=$tries\n";
}

# String eval code goes to its own labels and to the enclosing code's.
my $r = eval q{ my $x = 0; E: $x++; goto E if $x < 3; $x };
print "string eval: $r\n";
eval q{ goto FROM_STRING; };
print "not reached\n";
FROM_STRING: print "from string eval\n";

# A recursive sub goes to the label in its own frame.
sub depth {
    my ($d) = @_;
    my $seen = 0;
  HERE:
    $seen++;
    depth($d - 1) if $d > 0 && $seen == 1;
    goto HERE if $seen < 2;
    return $d;
}
print "depth: ", depth(3), "\n";

# A label at the end of a block is on an empty last statement.
sub trailing { goto END_OF_SUB; print "not reached\n"; END_OF_SUB: }
my @t = trailing();
print "trailing: ", scalar(@t), "\n";
my @seen;
my @kept = map { goto SKIP_IT if $_ > 1; push @seen, $_; SKIP_IT: } 1 .. 3;
print "kept: ", scalar(@kept), " seen: @seen\n";

goto NOLABEL;
