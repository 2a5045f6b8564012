# Signatures under use v5.36 (strict, warnings, say are enabled).
use v5.36;

sub add($x, $y) { $x + $y }
say "add: ", add(2, 3);
sub greet($name, $greeting = "Hello") { "$greeting, $name!" }
say greet("Ann");
say greet("Bob", "Hi");
sub defaults($x, $y = $x * 2, $z = $x + $y) { "$x $y $z" }
say "chained defaults: ", defaults(1), " | ", defaults(1, 5), " | ", defaults(1, 5, 0);
sub slurpy($first, @rest) { "$first + " . scalar(@rest) . " more: @rest" }
say slurpy(1, 2, 3, 4);
say slurpy("only");
sub hashy($x, %opts) { join ",", $x, map { "$_=$opts{$_}" } sort keys %opts }
say "hash slurpy: ", hashy(0, b => 2, a => 1);
sub ignore($, $second) { $second }
say "placeholder: ", ignore(1, 2);
sub nothing() { "no args" }
say nothing();
sub opt_undef($x = undef) { defined $x ? "def" : "undef" }
say "undef default: ", opt_undef(), " ", opt_undef(0);
my $r = eval { add(1); 1 };
print "too few: ", $@ =~ s/ at .*//sr, "\n";
$r = eval { add(1, 2, 3); 1 };
print "too many: ", $@ =~ s/ at .*//sr, "\n";
$r = eval { hashy(1, "odd"); 1 };
print "odd hash: ", $@ =~ s/ at .*//sr, "\n";
# anonymous subs with signatures
my $mul = sub ($a, $b) { $a * $b };
say "anon: ", $mul->(6, 7);
# signature vars are copies, @_ still usable? (not in 5.36 signature subs: avoid)
sub modify($v) { $v .= "!"; $v }
my $orig = "x";
say "copy: ", modify($orig), " orig $orig";
# recursion with signatures
sub fact($n) { $n <= 1 ? 1 : $n * fact($n - 1) }
say "fact: ", fact(15);
# say with lists and $, $\
{
    local $, = "-";
    local $\ = "<";
    say 1, 2, 3;
    print "a", "b";
}
print "\n";
say for 1 .. 3;
my @list = (1, 2);
say "@list";
