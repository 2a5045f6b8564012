# Storable: dclone (shared refs, blessing), freeze/thaw, nfreeze, store/retrieve/nstore.
use strict; use warnings;
use Storable qw(dclone freeze thaw nfreeze store retrieve nstore);
my $d = { a => [1, 2, { b => 'c' }], s => \"str", n => undef, f => 1.5, u => "caf\x{e9}\x{263a}" };
$d->{self} = $d->{a};
my $c = dclone($d);
print "equal: ", ($c->{a}[2]{b} eq 'c' ? 1 : 0), " distinct: ", ($c->{a} != $d->{a} ? 1 : 0), " shared: ", ($c->{self} == $c->{a} ? 1 : 0), "\n";
$c->{a}[0] = 99; print "orig $d->{a}[0] copy $c->{a}[0]\n";
print ${$c->{s}}, " ", defined $c->{n} ? "def" : "undef", " $c->{f} ", length($c->{u}), "\n";
my $obj = bless { x => [1] }, 'My::Obj';
my $o2 = dclone($obj); print ref($o2), " $o2->{x}[0]\n";
my $t = thaw(freeze($d)); print join(",", @{$t->{a}}[0,1]), " $t->{a}[2]{b} ", ($t->{self} == $t->{a} ? "shared" : "not"), "\n";
my $t2 = thaw(nfreeze([1, {k => 'v'}])); print "$t2->[1]{k}\n";
my $f = "/tmp/psh_storable_$$";
store($obj, $f) or die; my $r = retrieve($f); print ref($r), " $r->{x}[0]\n";
nstore([5,6], $f); print join(",", @{retrieve($f)}), "\n";
unlink $f;
eval { dclone(sub {1}) }; print "err: ", ($@ ? "yes" : "no"), "\n";
my @list = (1, [2, 3]); my $lc = dclone(\@list); print scalar(@$lc), " $lc->[1][1]\n";
