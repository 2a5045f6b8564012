# caller: eval frames, string evals, &foo; (no new @_), context of a void string eval
use strict; use warnings;
sub show { my @c = caller(1); print join("|", map { defined $_ ? $_ : "u" } @c[0 .. 7]), "\n" }
sub f { show() }
f(1);
&f;
sub g { &f } g(5);
eval { show() };
eval "show(); 1" or die;
my $x = eval "show(); 1";
sub hasargs { (caller(0))[4] }
sub amp { &hasargs }
print "[", hasargs(), "] [", amp(), "]\n";
my $code = \&hasargs;
sub viaref { &$code } print "[", viaref(1), "] [", $code->(), "]\n";
my @e = eval q{ caller(0) };
print join("|", map { defined $_ ? $_ : "u" } @e[0 .. 7]), "\n";
my $name = eval q{ (caller(0))[3] }; print "$name\n";
sub ctx { print defined wantarray ? (wantarray ? "list\n" : "scalar\n") : "void\n" }
eval "ctx()"; my $s = eval "ctx()"; my @l = eval "ctx()";
eval { ctx() }; $s = eval { ctx() }; @l = eval { ctx() };
sub nested { eval q{ eval q{ my @c = caller(1); print "$c[3] ", $c[6] =~ /nested_marker/ ? "outer text" : "?", "\n" } # nested_marker
} } nested();
