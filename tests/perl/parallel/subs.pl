# grep/map blocks calling named subs over big lists: pure subs run in the
# workers too; impure ones keep the block sequential. Results as perl's.
use strict;
use warnings;

my %rate = (a => 2, b => 3);
my $offset = 10;
sub score { my ($x) = @_; return ($x * 7919) % 1009 + $offset }
sub weight { my $r = shift; $rate{ $r % 2 ? 'a' : 'b' } * score($r) }
sub fact { my $n = shift; $n <= 1 ? 1 : $n * fact($n - 1) }
sub both { return ($_[0], -$_[0]) }
sub label { my ($n) = @_; sprintf "%s-%03d", ($n % 3 ? "x" : "y"), $n % 1000 }
sub uses_topic { length($_) }
sub field { $_[0]{v} * 2 }

my @n = (1 .. 20000);
my @s = map { score($_) } @n;
print "$s[0] $s[-1] ", scalar(@s), "\n";
my @w = grep { weight($_) > 2000 } @n;
print scalar(@w), " $w[0] $w[-1]\n";
my @f = map { fact($_ % 15) } @n;
print "$f[13] $f[-1]\n";
my @b = map { both($_) } @n[0 .. 12000];
print scalar(@b), " $b[1] $b[-1]\n";
my @l = map { label($_) } @n;
print "$l[0] $l[2] $l[-1]\n";
my @t = map { uses_topic() } @n;
print "$t[8] $t[9] $t[-1]\n";
my @recs = map { { v => $_ } } @n;
my @fv = map { field($_) } @recs;
print "$fv[0] $fv[-1]\n";

# Subs that write outside themselves run sequentially, with their effects.
my $calls = 0;
sub counted { $calls++; $_[0] * 2 }
my @c = map { counted($_) } @n;
print "calls $calls, $c[-1]\n";
my @seen;
sub remember { push @seen, $_[0]; 1 }
my @r = grep { remember($_) } @n[0 .. 11000];
print scalar(@seen), " ", scalar(@r), "\n";
sub bump { $_[0]++ }
my @copy = @n[0 .. 10999];
my @bumped = map { bump($_) } @copy;
print "$copy[0] $bumped[0]\n";
sub say_it { print "x" if $_[0] == 1; $_[0] }
my @p = map { say_it($_) } @n;
print "\n", scalar(@p), "\n";

# A sub redefined between runs.
no warnings 'redefine';
sub twice { $_[0] * 2 }
my @t1 = map { twice($_) } @n;
eval 'sub twice { $_[0] * 3 }';
my @t2 = map { twice($_) } @n;
print "$t1[-1] $t2[-1]\n";
