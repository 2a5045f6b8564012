use strict; use warnings;
my @a = (1, 2, 3); my %h = (a => 'A', b => 'B', 'key with space' => 'S');
my $r = { list => [10, 20, 30], h => { k => 'v' } }; my $ar = [[1, 2], [3, 4]];
print "sum: @{[ $a[0] + $a[1] ]}\n";
print "ref: ${\ scalar(@a)} items\n";
print "deref: $r->{list}[1] $r->{list}->[2] $$r{h}{k} $r->{h}->{k}\n";
print "aoa: $ar->[1][0] $$ar[0][1] ${$ar}[1]->[1]\n";
print "slice: @h{'a','b'} @a[0,1] @{$r->{list}}[0..1]\n";
print "last idx: $#a $#{$r->{list}}\n";
print "case: \u\LfOO bAR\E! \LABC\E \Uxyz\E \lABC \uabc\n";
print "quotemeta: \Qa.b*c\E done\n";
print "email\@example.com costs \$5 and 100%\n";
my $x = "var"; print "braces: ${x}s ${ x }y @{a}\n";
print "method-like: $x->[0]\n" if 0; print "arrow text: $x->method\n";
print "hash in str: $h{a} $h{'b'} $h{\"a\"} $h{'key with space'}\n";
my $i = 1; print "expr idx: $a[$i] $a[$i+1] $a[-1] $a[$#a]\n";
print "neg: $a[-2]\n";
print "not interp: \@a \$x \\$x\n";
print 'single: $x @a \n', "\n";
print "nested quotes: @{[ map { \"<$_>\" } @a ]}\n";
print "join sep: @a[1..2]\n";
{ local $" = '-'; print "custom sep: @a\n"; }
{ local $, = ':'; local $\ = "!\n"; print 'a', 'b'; }
print "email: user\@host.com\n";
my @empty = (); print "empty: [@empty]\n";
print "colon: $x: $x:: ok\n" =~ s/::/;;/r;
my %deep = (k => [ { z => 'deep' } ]); print "deep: $deep{k}[0]{z}\n";
print "octal \101 hex \x41 \x{263A} ctrl-free \e[0m" =~ tr/\e//dr, "\n";
print "tab\there\n";
print "null byte: ", length("a\0b"), "\n";
print "dollar at end: cost\$\n";
my $n = 3; print "times: ${\ ($n * 2)} @{[ $n x 2 ]}\n";
print "str repeat inside: @{[ '-' x 5 ]}\n";
print "chained: $r->{list}[0]$r->{list}[1]\n";
my $obj = { name => 'N' }; print "Name: $obj->{name}'s\n";
our $gv = "global"; print "our: $main::gv ${main::gv}\n";
my @w = ('x') ; print "index expr: $w[0]$w[-1]\n";
print "special: $0\n" =~ s/\S+control\S*//r if 0;
my $t = "T"; print "adjacent: $t$t ${t}_$t\n";
print "brackets literal: [$t] {$t} ($t)\n";
my %hh = (1 => 'one'); print "num key: $hh{1} $hh{ 1 }\n";
my @arr2 = ([5]); print "elem-ref: $arr2[0][0] $arr2[0]->[0]\n";
print "minus: $a[1]-$a[2] $x-1\n";
print "at sign: foo\@bar @ alone\n";
my $s = sprintf "%s-%s", "@a", "@a[0..1]"; print "$s\n";
my $here = <<"END";
Heredoc $x @a
  indented $h{a}
END
print $here;
print <<'RAW';
Raw $x @a \n
RAW
print <<~EOT;
    squiggly $x
      keeps relative
    done
    EOT
print <<A, <<B;
first $x
A
second
B
print lc(<<X) . "after\n";
UPPER
X
my $v = "Value"; print "${v}able \${v} $v\[0] $v\{k}\n";
print "end\n";
