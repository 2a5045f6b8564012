# Hashes: exists/delete/each/keys/values, slices, counts.
use strict;
use warnings;

my %h = (apple => 1, banana => 2, cherry => 3);
print "keys: ", join(",", sort keys %h), "\n";
print "values: ", join(",", sort { $a <=> $b } values %h), "\n";
print "count: ", scalar(keys %h), "\n";
print "exists: ", (exists $h{apple} ? 1 : 0), (exists $h{nope} ? 1 : 0), "\n";
my $del = delete $h{apple};
print "deleted $del; left: ", join(",", sort keys %h), "\n";
$h{undef_val} = undef;
print "exists undef val: ", (exists $h{undef_val} ? 1 : 0), " defined: ", (defined $h{undef_val} ? 1 : 0), "\n";
delete $h{undef_val};
my @pairs;
while (my ($k, $v) = each %h) { push @pairs, "$k=$v" }
print "each: ", join(" ", sort @pairs), "\n";
# hash slices
my %c = (a => 1, b => 2, c => 3, d => 4);
my @vals = @c{qw(a c)};
print "slice: @vals\n";
@c{qw(x y)} = (24, 25);
print "after slice assign: ", join(",", map { "$_=$c{$_}" } sort keys %c), "\n";
my %sub = %c{qw(a b)};
print "kv slice: ", join(",", map { "$_=$sub{$_}" } sort keys %sub), "\n";
my @arr = qw(zero one two three);
my %idx = %arr[1, 3];
print "index/value slice: ", join(",", map { "$_=$idx{$_}" } sort keys %idx), "\n";
my @deleted = delete @c{qw(x y)};
print "delete slice: @deleted; ", join(",", sort keys %c), "\n";
# hash in list/scalar/boolean context
my %empty;
print "bool: ", (%c ? "t" : "f"), (%empty ? "t" : "f"), "\n";
my @flat = %{{ one => 1 }};
print "flattened: @flat\n";
# inversion and counting
my %inv = reverse %c;
print "inverted: ", join(",", map { "$_=$inv{$_}" } sort keys %inv), "\n";
my %count;
$count{$_}++ for qw(a b a c b a);
print "count: ", join(",", map { "$_=$count{$_}" } sort keys %count), "\n";
# keys on hash ref, nested
my $hr = { list => [1, 2, 3], map => { x => 1 } };
print "nested: $hr->{list}[1] $$hr{map}{x} ${$hr}{list}->[2] ", scalar(@{ $hr->{list} }), "\n";
print "keys ref: ", join(",", sort keys %$hr), "\n";
# numeric keys are strings
my %n = (1 => 'a', '01' => 'b', 1.0 => 'c', "1.0" => 'd');
print "numeric keys: ", join(",", map { "$_=$n{$_}" } sort keys %n), "\n";
# bareword keys, negative bareword
my %bw = (-foo => 1, +bar => 2);
print "barewords: ", join(",", sort keys %bw), " $bw{-foo} $bw{bar}\n";
# hash functions on expressions
my %merged = (%c, b => 20, z => 26);
print "merged: ", join(",", map { "$_=$merged{$_}" } sort keys %merged), "\n";
# delete local / exists on nested doesn't autovivify top when using exists on the path?
my %deep;
print "exists deep: ", (exists $deep{a}{b} ? 1 : 0), " autovivified a: ", (exists $deep{a} ? 1 : 0), "\n";
# keys resets iterator; values are aliases
my %mod = (a => 1, b => 2);
$_ *= 10 for values %mod;
print "modified values: ", join(",", map { "$_=$mod{$_}" } sort keys %mod), "\n";
# hash with undef key (warning-free via "")
my %u = ("" => "empty key");
print "empty key: $u{''}\n";
# slices of hash refs
my @rv = @{$hr}{qw(list map)};
print "ref slice: ", scalar(@rv), " ", ref($rv[0]), " ", ref($rv[1]), "\n";
my @pv = $hr->@{qw(list)};
print "postfix slice: ", ref($pv[0]), "\n";
my %kv = $hr->%{'map'};
print "postfix kv: ", join(",", sort keys %kv), "\n";
# wantarray-style: hash in scalar context is count (5.26+)
my $sc = %count;
print "scalar(%h): $sc\n";
