# Prototypes: (&@), ($$), (\@), (), ($;$), (_), (*).
use strict;
use warnings;

sub apply_block(&@) { my ($code, @list) = @_; return map { $code->($_) } @list }
my @r = apply_block { $_[0] * 2 } 1, 2, 3;
print "block proto: @r\n";
sub my_grep(&@) { my $c = shift; my @o; for (@_) { push @o, $_ if $c->() } @o }
my @odd = my_grep { $_ % 2 } 1 .. 9;
print "my_grep: @odd\n";
sub two($$) { return "two(" . join(",", @_) . ")" }
my @arr = (7, 8, 9);
print "(\$\$) imposes scalar ctx: ", two(@arr, "x"), "\n";
sub takes_array(\@) { my $ref = shift; return "ref " . ref($ref) . " of " . scalar(@$ref) }
print "(\\\@): ", takes_array(@arr), "\n";
sub push_two(\@@) { my $r = shift; push @$r, @_; scalar @$r }
print "push_two: ", push_two(@arr, 1, 2), " -> @arr\n";
sub takes_hash(\%) { join ",", sort keys %{ $_[0] } }
my %h = (b => 1, a => 2);
print "(\\%): ", takes_hash(%h), "\n";
sub either(\[@%]) { ref $_[0] }
print "(\\[\@%]): ", either(@arr), " ", either(%h), "\n";
sub PI() { 3.14159 }
print "constant sub: ", PI, " ", PI + 1, "\n";
sub opt($;$) { defined $_[1] ? "two" : "one" }
print "optional: ", opt(1), " ", opt(1, 2), "\n";
sub under(_) { "got[" . $_[0] . "]" }
$_ = "dollar-underscore";
print "(_): ", under(), " ", under("explicit"), "\n";
print "prototype(): ", prototype('apply_block'), " ", prototype(\&two), " ", (defined prototype('main::noproto') ? "def" : "undef"), "\n";
sub noproto { scalar @_ }
print "no proto flattens: ", noproto(@arr), "\n";
print "& bypasses proto: ", &two(1, 2, 3), "\n";
sub try_catch(&;&) {
    my ($try, $catch) = @_;
    my @r = eval { $try->() };
    if ($@) { return $catch ? $catch->($@) : "caught" }
    return @r;
}
print "try: ", try_catch { die "boom\n" } sub { "handled " . shift };
print "try ok: ", try_catch { "fine" }, "\n";
# prototype with list after block allows parenthesized call too
my @sq = apply_block(sub { $_[0] ** 2 }, 4, 5);
print "explicit sub arg: @sq\n";
# scalar proto on a list expression
sub one_arg($) { $_[0] }
print "(\$) with array: ", one_arg(@arr), "\n";
