use strict; use warnings;
sub ctx { my $w = wantarray; return defined $w ? ($w ? "list" : "scalar") : "void" }
sub show { print ctx(), "\n"; }
my @x = ctx(); print "$x[0]\n";
my $y = ctx(); print "$y\n";
ctx(); show();
print "in print: ", ctx(), "\n";
my @z = (ctx(), scalar(ctx())); print "@z\n";
my %h = (k => ctx()); print "$h{k}\n";
my $r = [ctx()]; print "$r->[0]\n";
if (ctx()) { print "bool: ", scalar(ctx()), "\n" }
for (ctx()) { print "for: $_\n" }
my $s = sub { return ctx() }->(); print "tail: $s\n";
sub wrap { return ctx() } my @w = wrap(); my $w = wrap(); print "wrap: $w[0] $w\n";
sub lastexpr { ctx() } my @le = lastexpr(); print "last expr: $le[0] ", scalar(lastexpr()), "\n";
my $count = () = "a,b,c" =~ /(\w)/g; print "count $count\n";
my $n = (my @tmp = (4,5,6)); print "n $n\n";
my ($a1) = (7,8,9); print "a1 $a1\n";
my $b1 = (7,8,9); print "b1 $b1\n";
sub lst { return (4,5,6) } my $l = lst(); print "lst $l\n";
sub arr { my @q = (4,5,6); return @q } my $ar = arr(); print "arr $ar\n";
sub hsh { my %q = (a=>1); return %q } my @hl = hsh(); print "hsh ", scalar(@hl), "\n";
my @e = (); my $e = @e; print "empty $e\n";
my $t = reverse("ab", "cd"); print "rev $t\n";
my @t = reverse("ab", "cd"); print "rev @t\n";
print "rev print: ", reverse("ab"), "\n";
print "scalar rev: ", scalar reverse("ab"), "\n";
$_ = "xyz"; print "rev default: ", scalar(reverse), "\n";
my $lc = localtime(0) ? "ok" : "no"; print "$lc\n";
my @parts = split //, "abc"; my $np = split //, "abcd"; print "@parts $np\n";
my $m = "aaa" =~ /a/g; print "m $m\n";
my @m = "a1b2" =~ /(\d)/g; print "@m\n";
my $k = keys %{{a=>1,b=>2}}; print "keys $k\n";
my $str = "x" . (() = (1,2,3)); print "$str\n";
my @aa = (1,2,3); my $last = $aa[-1]; my $sz = @aa; my $sc = scalar(@aa, 99); print "$last $sz $sc\n";
my ($f, $g) = my @pair = (1); print defined $g ? "g def\n" : "g undef\n";
my $cnt = (my ($p1, $p2) = (10, 20, 30)); print "cnt $cnt\n";
print "unary: ", -(() = (1,2)), "\n";
my @ctxs = map { ctx() } 1..2; print "@ctxs\n";
my @g = grep { ctx() } 1..2; print scalar(@g), "\n";
my @sorted = sort { $a <=> $b } (3, 1, 2); my $sortc = () = sort @sorted; print "$sortc\n";
print "wantarray in sort cmp: ", join(",", sort { my $c = ctx(); $a <=> $b } 2,1), "\n";
sub ret_ctx { return wantarray ? "L" : "S" } my @rl = (ret_ctx())[0]; print "$rl[0]\n";
print "tern: ", (1 ? ctx() : 0), "\n";
my $v = do { ctx() }; print "do: $v\n";
my @dv = do { ctx() }; print "do: @dv\n";
