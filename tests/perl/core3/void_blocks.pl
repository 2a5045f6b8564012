# void context reaches the last statement of do/eval blocks used as statements; derefs in void
use warnings;
eval { my $x = [1]; @$x };
do { 5; 6 };
eval { 7 };
my $r = eval { 8; 9 };
sub f { eval { 10 } }
f();
my $x = [1]; my $h = {}; my $s = \1;
@$x;
%$h;
$$s;
@{$x};
eval { my $y = [1]; @$y };
my @c = map { @$_ } ([1]);
sub f { @$x } f();
for (1) { %$h }
