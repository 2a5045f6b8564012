# References: anonymous data, refs to refs, ref(), postfix deref, code refs,
# \(@a), autovivification.
use strict;
use warnings;

my %data;
$data{a}{b}{c} = 1;
push @{ $data{list} }, 1, 2;
$data{arr}[3] = 'x';
print "autoviv: ", join(",", sort keys %data), " ", ref($data{a}{b}), " ", scalar(@{ $data{arr} }), "\n";
my $r;
$r->[2]{k} = 'v';
print "undef scalar becomes: ", ref($r), " ", ref($r->[2]), " ", scalar(@$r), "\n";
my $cnt;
$cnt->{$_}++ for qw(a b a);
print "counted: $cnt->{a} $cnt->{b}\n";

my @arr = (1, 2, 3);
my %hash = (k => 'v');
my $sc = 5;
sub f { return "f(@_)" }
my @refs = (\@arr, \%hash, \$sc, \&f, \\$sc, [1], {}, sub { 1 }, \"lit", qr/x/, \substr($sc, 0, 1), \undef);
print "ref types: ", join(" ", map { ref } @refs), "\n";
print "ref of non-ref: '", ref(42), "' '", ref(undef), "'\n";
my $rr = \\\"deep";
print "ref to ref: $$$$rr ", ref($rr), " ", ref($$rr), "\n";
# deref syntaxes
my $ar = \@arr;
print "deref: @$ar ${$ar}[0] $$ar[1] $ar->[2] ", scalar(@$ar), " $#$ar $#{$ar}\n";
print "postfix: ", join(",", $ar->@*), " ", $ar->$#*, " ", join(",", $ar->@[0, 1]), "\n";
my $hr = \%hash;
print "hash deref: $$hr{k} ${$hr}{k} $hr->{k} ", join(",", keys $hr->%*), "\n";
my $sr = \$sc;
$$sr = 10;
print "scalar deref: $sc ", $sr->$*, "\n";
my $cr = \&f;
print "code: ", $cr->(1, 2), " ", &$cr(3), " ", &{$cr}(4), " ", $cr->&*, "\n";
# \(@a) makes refs to each element
my @elems = (1, 2, 3);
my @erefs = \(@elems);
${ $erefs[0] } = 100;
print "\\(\@a): ", scalar(@erefs), " @elems\n";
my @multi = \(my $p, my $q);
print "\\(\$p,\$q): ", scalar(@multi), "\n";
# anonymous nested structures, copying vs aliasing
my $orig = { list => [1, 2], n => 1 };
my $shallow = { %$orig };
$shallow->{n} = 2;
push @{ $shallow->{list} }, 3;
print "shallow copy: n=$orig->{n} list=@{ $orig->{list} }\n";
my @copy = @arr;
$copy[0] = 99;
print "array copy independent: $arr[0]\n";
# references equality
my $r1 = \@arr;
my $r2 = \@arr;
print "same ref: ", ($r1 == $r2 ? "yes" : "no"), " different: ", (\@arr == \@copy ? "yes" : "no"), "\n";
# ref counting keeps data alive
my $keep;
{
    my @local = (7, 8, 9);
    $keep = \@local;
}
print "kept alive: @$keep\n";
# array of code refs, dispatch table
my %dispatch = (
    add => sub { $_[0] + $_[1] },
    mul => sub { $_[0] * $_[1] },
    neg => sub { -$_[0] },
);
for my $op (sort keys %dispatch) {
    print "$op: ", $dispatch{$op}->(6, 7), "\n";
}
# string refs are errors under strict refs
my $name = "arr";
my $ok = eval { my @x = @$name; 1 };
print "symbolic ref under strict: ", ($ok ? "allowed" : "died"), "\n";
print "error: ", $@ =~ /^(Can't use string \("arr"\) as an ARRAY ref)/ ? $1 : $@, "\n";
# ref() on blessed
my $obj = bless {}, 'My::Class';
print "blessed ref: ", ref($obj), "\n";
# exists on sub, defined on sub
print "defined &f: ", (defined &f ? 1 : 0), " defined &nope: ", (defined &nope ? 1 : 0), "\n";
# array functions through refs
my $stack = [];
push @$stack, 1, 2, 3;
my $top = pop @$stack;
unshift @$stack, 0;
print "stack: @$stack top $top\n";
# anonymous sub recursion via ref
my $fact;
$fact = sub { my $n = shift; $n <= 1 ? 1 : $n * $fact->($n - 1) };
print "fact(10) = ", $fact->(10), "\n";
# lvalue refs to hash elements
my %hh;
my $er = \$hh{new};
$$er = "set via ref";
print "hash elem ref: $hh{new}\n";
