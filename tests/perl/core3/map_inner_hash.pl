# A map/grep block whose first statement starts with { builds an anonymous
# hash, as perl decides; {; starts a block.
my @a = ({ tag => 1, d => 2 }, { tag => 3 });
my @b = map {{ %{$_} }} @a;
print scalar(@b), " ", ref($b[0]), " ", join(",", map { join "=", %$_ } @b[1]), "\n";
my @c = map { { %$_, extra => 1 } } @a;
print scalar(@c), " ", join(",", sort keys %{ $c[1] }), "\n";
my @d = map {; { 5 } } @a;
print "@d\n";
my @e = grep { { x => 1 } } 1 .. 3;
print scalar(@e), "\n";
my @f = map { my $n = $_; { n => $n } } 1 .. 2;
print join(",", map { ref } @f), "\n";
