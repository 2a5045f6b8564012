# if/elsif/else/unless, while/until, for, foreach aliasing, modifiers, do-while.
use strict;
use warnings;

for my $n (0 .. 4) {
    if ($n == 0) { print "zero" }
    elsif ($n == 1) { print "one" }
    elsif ($n < 4) { print "few" }
    else { print "many" }
    print "\n";
}
unless (0) { print "unless taken\n" } else { print "unless else\n" }
unless (1) { print "no\n" } elsif (1) { print "unless-elsif\n" }
my $i = 0;
while ($i < 3) { print "while $i\n"; $i++ }
until ($i == 0) { $i-- }
print "until done: $i\n";
for (my $j = 0, my $k = 10; $j < 3; $j++, $k--) { print "c-for $j $k\n" }
my @arr = (1, 2, 3);
$_ *= 2 for @arr;
print "aliased modifier: @arr\n";
for my $e (@arr) { $e += 1 }
print "aliased loop var: @arr\n";
foreach (@arr) { s/^/n/ }
print "aliased \$_: @arr\n";
my %h = (a => 1, b => 2);
$_++ for values %h;
print "values aliased: $h{a} $h{b}\n";
for my $x (1 .. 3, 'x') { print "list item $x\n" }
my @empty;
for (@empty) { print "never\n" }
print "statement modifiers:";
print " if" if 1;
print " unless" unless 0;
my $c = 0;
$c++ while $c < 5;
print " while=$c";
$c-- until $c <= 2;
print " until=$c";
print " for=$_" for 1 .. 2;
print "\n";
my $d = 10;
do { print "do-while runs once: $d\n"; $d++ } while ($d < 5);
$d = 0;
do { $d++ } until $d >= 3;
print "do-until: $d\n";
my $r = do { my $t = 2; $t * 21 };
print "do block value: $r\n";
my $v = do { if (0) { "a" } else { "b" } };
print "do with if: $v\n";
# bare block as loop with last
{
    print "in bare block\n";
    last;
    print "not reached\n";
}
print "after bare block\n";
my $tries = 0;
{
    $tries++;
    redo if $tries < 3;
}
print "redo in bare block: $tries\n";
# loop over a modified list (foreach over a copy via function)
my @queue = (1);
for my $q (@queue) {
    push @queue, $q + 1 if $q < 5;
}
print "queue grew: @queue\n";
# complex conditions
my ($p, $s) = (5, "abc");
if ($p > 3 and $s =~ /b/ and not $p == 4) { print "compound true\n" }
print "nested ternary in loop: ", join(",", map { $_ % 15 == 0 ? "FizzBuzz" : $_ % 5 == 0 ? "Buzz" : $_ % 3 == 0 ? "Fizz" : $_ } 1 .. 15), "\n";
# last expression value of if as sub return
sub classify { my $n = shift; if ($n > 0) { "positive" } elsif ($n < 0) { "negative" } else { "zero" } }
print "classify: ", join(" ", map { classify($_) } -2, 0, 2), "\n";
# while with complex assignment
my @data = (3, 1, 4);
while (defined(my $item = shift @data)) { print "item $item\n" }
# each with while
my %ages = (tom => 30);
while (my ($name, $age) = each %ages) { print "$name is $age\n" }
# foreach with index
my @letters = qw(a b c);
for my $idx (0 .. $#letters) { print "$idx:$letters[$idx] " }
print "\n";
for my $idx (reverse 0 .. $#letters) { print "$idx " }
print "\n";
# loop variable restored after foreach with global
our $g = "global";
for $g (1 .. 2) { }
print "foreach restores global: $g\n";
