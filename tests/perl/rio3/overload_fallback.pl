# overload: which operators work through conversions depending on fallback,
# and the exact "no method found" errors.
package Str;
use overload '""' => sub { "Str(" . $_[0]{v} . ")" };
sub new { bless { v => $_[1] }, $_[0] }

package Fb;
use overload '""' => sub { $_[0]{v} }, fallback => 1;
sub new { bless { v => $_[1] }, $_[0] }

package Never;
use overload '""' => sub { $_[0]{v} }, fallback => 0;
sub new { bless { v => $_[1] }, $_[0] }

package Num;
use overload '0+' => sub { $_[0]{v} };
sub new { bless { v => $_[1] }, $_[0] }

package Eq;
use overload 'eq' => sub { "$_[0]{v}" eq "$_[1]" }, '""' => sub { "E" . $_[0]{v} };
sub new { bless { v => $_[1] }, $_[0] }

package Cmp;
use overload '<=>' => sub { my ($a, $b, $sw) = @_; my $r = $a->{v} <=> (ref $b ? $b->{v} : $b); $sw ? -$r : $r },
    '""' => sub { "C" . $_[0]{v} };
sub new { bless { v => $_[1] }, $_[0] }

package Child;
our @ISA = ('Fb');

package main;
my $s = Str->new(1);
my $f = Fb->new(2);
my $z = Never->new(3);
my $n = Num->new(4);
my $e = Eq->new(5);
my $c = Cmp->new(6);
my @codes = (
    '"$s"', '$s . "!"', '"<" . $s', '$s x 2', 'length($s)', 'lc($s)', 'uc $s',
    'index($s, "(")', 'sprintf("%s", $s)', 'join("-", $s, $f)',
    '$s eq "Str(1)"', '$s ne "x"', '$s + 1', '$s == 1', '-$s', '$s ? "true" : "false"',
    '$f eq "2"', '$f + 1', '$f * 3', '$f == 2', '-$f', 'abs($f)', '$f lt "3" ? 1 : 0',
    '"$z"', '$z . "x"', '$z eq "3"', '$z + 1',
    '$n + 1', '$n == 4', '$n . ""', 'abs($n)', 'int($n)',
    '$e eq "5"', '$e ne "5"', '"$e"',
    '$c == 6', '$c < 7 ? "lt" : "ge"', '$c > 1 ? "gt" : "le"', '$c eq "C6"', '$c + 1',
    'Child->new(7) + 1', '"" . Child->new(8)',
);
for my $code (@codes) {
    my $r = eval $code;
    my $err = $@;
    $err =~ s/ at \(eval \d+\) line \d+\.\n//;
    print "$code => ", (defined $r ? "[$r]" : "undef"), ($err ? " ERR: $err" : ""), "\n";
}
my @sorted = sort { $a <=> $b } map { Cmp->new($_) } 3, 1, 2;
print "sorted: @sorted\n";
