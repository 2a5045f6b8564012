# messages of common runtime errors, caught with eval
use strict; use warnings;
my @tests = (
  sub { my $x; $x->method },
  sub { my $x = [1]; $x->method },
  sub { my $x = 1; $x->method },
  sub { my $x = ""; $x->method },
  sub { my $h = {}; @$h },
  sub { my $a = []; %$a },
  sub { my $u; my @x = @$u; },
  sub { my $u; my $x = $$u[0]; },
  sub { my $u; my %x = %$u; },
  sub { my $u; $u->(); },
  sub { my $c = [1]; $c->(); },
  sub { my %h = (1, 2, 3); },
  sub { my %h = [1, 2]; },
  sub { my %h = {}; },
  sub { bless {}, [] },
  sub { my $x = 1 / 0 },
  sub { my $x = 5 % 0 },
  sub { my @a = (1) x -1; die "ok\n" },
  sub { my $s = "abc"; substr($s, 10, 1) = "x" },
  sub { my @a; $#{@a} if 0; splice(@a, 5, 0, 1); die "spliced " . scalar(@a) . "\n" },
  sub { local $_ = undef; my $l = length; die "len undef\n" unless defined $l },
  sub { my $obj = bless [], 'Cls'; $obj->{key} },
  sub { my $obj = bless {}, 'Cls'; $obj->[0] },
  sub { "Cls"->new },
  sub { my $m = "nomethod"; Cls->$m },
  sub { die { code => 42 } },
  sub { my @a = (1, 2); my $x = $a[0]{key} },
  sub { my $s = "str"; my $x = $s->{key} },
  sub { sort { $a <=> $b } 1; die "sorted\n" },
  sub { my $x = sqrt(-4) },
  sub { my $x = log(-1) },
  sub { my $x = "a" + 1; die "num $x\n" },

  sub { next },
);
my $i = 0;
for my $t (@tests) { $i++; local $@; eval { $t->(); 1 } and print "$i: no error\n" or print "$i: ", ref $@ ? "ref " . ref($@) . "\n" : $@; }
eval { require No::Such::Module; }; print $@ =~ /^Can.t locate No\/Such\/Module.pm in \@INC \(you may need to install the No::Such::Module module\) \(\@INC contains: / ? "require ok\n" : "require bad: $@";
eval { goto NOWHERE; }; print $@;
