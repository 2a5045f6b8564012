# prototypes: \&, \[@%], *, _, prototype() of user subs and CORE:: builtins
use strict; use warnings;
sub mymax(\@) { my $r = shift; my $m = $r->[0]; $_ > $m and $m = $_ for @$r; $m }
my @n = (3, 9, 2); print mymax(@n), "\n";
sub apply(&@) { my $c = shift; map { $c->($_) } @_ } print join(",", apply { $_[0] ** 2 } 1, 2, 3), "\n";
sub opt($;$) { defined $_[1] ? "2" : "1" } print opt(1), opt(1, 2), "\n";
sub slurpy(@) { scalar @_ } print slurpy(1, 2, 3), "\n";
sub hashref(\%) { join ",", sort keys %{$_[0]} } my %h = (a => 1, b => 2); print hashref(%h), "\n";
sub either(\[@%]) { ref $_[0] } print either(@n), either(%h), "\n";
sub noproto { scalar @_ } print noproto(@n), "\n";
sub star(*) { ref \$_[0] } print star(STDOUT), "\n";
sub under(_) { "[$_[0]]" } $_ = "dflt"; print under(), under("x"), "\n";
sub scalarp($) { $_[0] } my @l = (4, 5, 6); print scalarp(@l), "\n";
sub two($$) { "$_[0]-$_[1]" } print two(1, 2), "\n";
sub blk(&) { $_[0]->() } print blk { "block" }, "\n";
sub cref(\&) { $_[0]->() } sub named { "named" } print cref(&named), "\n";
sub lst(\@\@) { scalar(@{$_[0]}) + scalar(@{$_[1]}) } my @x = (1); my @y = (1, 2); print lst(@x, @y), "\n";
print prototype('mymax'), " ", prototype(\&apply), " ", (defined prototype('noproto') ? 'def' : 'undef'), "\n";
print prototype("CORE::length") // 'u', " ", prototype("CORE::push") // 'u', " ", prototype("CORE::print") // 'u', "\n";
sub emptyp() { 42 } print emptyp + 1, "\n";
my @sorted = sort { $a <=> $b } apply { $_[0] * -1 } 1, 2; print "@sorted\n";
sub ctx_proto($) { wantarray ? "list" : "scalar" } print ctx_proto(1), "\n";
&mymax(\@n) if 0;
print &two(7, 8, 9), "\n";
for my $f (qw(abs push splice substr keys each open sprintf time join lock undef pos print system)) {
    my $p = prototype("CORE::$f");
    print "$f: ", defined $p ? "[$p]" : "undef", "\n";
}
my $np = eval { prototype("CORE::nosuchop") }; print $@;
sub takes_code(\&$) { $_[0]->($_[1]) } sub dbl { 2 * shift } print takes_code(&dbl, 21), "\n";
