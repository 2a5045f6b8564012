# use v5.36 bundle: strict, warnings, say, signatures; feature-specific syntax.
use v5.36;

say "say works";
sub sig($x, $y = 10) { $x + $y }
say "signature: ", sig(1), " ", sig(1, 2);
my $r = eval q{ $undeclared_var = 1; 1 };
say "strict on: ", ($r ? "no" : "yes");
{
    my @w;
    local $SIG{__WARN__} = sub { push @w, @_ };
    my $u;
    my $s = "x$u";
    say "warnings on: ", scalar(@w);
}
say "isa operator: ", ([] isa ARRAY ? "yes" : "no"), " ", (bless({}, 'Foo') isa Foo ? "yes" : "no");
use feature 'fc';
say "fc: ", fc("MiXeD");
say "postfix deref: ", join(",", [1, 2, 3]->@*), " ", scalar({ a => 1, b => 2 }->%*);
my %h = (a => 1, b => 2, c => 3);
my %sub = %h{'a', 'b'};
say "kv slice: ", join(",", map { "$_=$sub{$_}" } sort keys %sub);
say "state: ", join(",", map { counter() } 1 .. 3);
sub counter { state $n = 0; ++$n }
say "__SUB__: ", sub ($n) { $n <= 1 ? 1 : $n * __SUB__->($n - 1) }->(6);
say "chained comparisons: ", (1 < 2 < 3 ? "yes" : "no"), " ", (3 > 2 > 2 ? "yes" : "no");
no warnings 'experimental::for_list';
for my ($k, $v) (map { $_, $h{$_} } sort keys %h) { print "$k->$v " }
print "\n";
say "bitwise strings: ", "ab" |. "  ", " ", 12 | 3;
{
    local $SIG{__WARN__} = sub { };
    say "indirect call is disabled: ", (eval q{ my $o = new Foo; 1 } ? "allowed" : "error");
}
