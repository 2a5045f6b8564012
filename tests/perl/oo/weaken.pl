# Weak references: Scalar::Util weaken/isweak/unweaken and builtin's.
use strict;
use warnings;
use Scalar::Util qw(weaken isweak unweaken);

my $r = [1, 2];
my $w = $r;
weaken($w);
print isweak($w) ? "weak\n" : "strong\n";
print "len ", scalar(@$w), " $w->[1] ", ref($w), "\n";
my $c = $w;    # a copy of a weak reference is strong
print isweak($c) ? "copy weak\n" : "copy strong\n";
undef $r;
print defined $w ? "alive (copy holds it)\n" : "gone\n";
undef $c;
print defined $w ? "alive\n" : "gone\n";

package Node;
sub new { my ($class, $name) = @_; bless { name => $name, kids => [] }, $class }
sub add {
    my ($self, $kid) = @_;
    push @{ $self->{kids} }, $kid;
    $kid->{parent} = $self;
    Scalar::Util::weaken($kid->{parent});
    return $kid;
}
sub path { my $s = shift; $s->{parent} ? $s->{parent}->path . "/$s->{name}" : $s->{name} }
sub DESTROY { print "DESTROY $_[0]{name}\n" }

package main;
{
    my $root = Node->new('root');
    my $a = $root->add(Node->new('a'));
    my $b = $a->add(Node->new('b'));
    print "path: ", $b->path, "\n";
    print "isweak parent: ", (isweak($a->{parent}) ? 1 : 0), "\n";
    my %copy = %$a;
    print "isweak copy: ", (isweak($copy{parent}) ? 1 : 0), "\n";
    my $p = delete $copy{parent};
    print "deleted is ", (isweak($p) ? "weak" : "strong"), "\n";
}
print "after scope\n";

# A weak cache entry goes when the object does.
my %cache;
{
    my $obj = Node->new('cached');
    $cache{x} = $obj;
    weaken($cache{x});
    print "inside: ", (defined $cache{x} ? 1 : 0), "\n";
}
print "outside: ", (defined $cache{x} ? 1 : 0), " exists: ", (exists $cache{x} ? 1 : 0), "\n";

# Array elements and self-reference.
my @list = ({ n => 1 }, { n => 2 });
my @weak = @list;
weaken($_) for @weak;
print "weak elems: ", join(",", map { isweak($_) ? 1 : 0 } @weak), "\n";
pop @list;
print "after pop: ", join(",", map { defined $_ ? $_->{n} : 'undef' } @weak), "\n";
my $self = {};
$self->{me} = $self;
weaken($self->{me});
print ref($self->{me}), " ", ("$self->{me}" eq "$self" ? "same" : "diff"), "\n";
print "num eq: ", ($self->{me} == $self ? 1 : 0), "\n";

# unweaken, weakening twice, undef and non-references.
my $s = [];
my $ws = $s;
weaken $ws;
weaken $ws;
print "twice: ", (isweak($ws) ? 1 : 0), "\n";
unweaken $ws;
print "unweakened: ", (isweak($ws) ? 1 : 0), "\n";
undef $s;
print "kept: ", (defined $ws ? 1 : 0), "\n";
my $u;
weaken($u);
print "undef ok\n";
eval { my $n = 5; weaken($n) };
print "err: $@";
eval { my $n = "x"; unweaken($n) };
print "err: $@";
print "isweak plain: ", (isweak(my $plain = 3) ? 1 : 0), "\n";

# Assigning over a weak reference makes it an ordinary scalar again.
my $t = { k => 1 };
my $wt = $t;
weaken $wt;
$wt = $t;
print "reassigned: ", (isweak($wt) ? 1 : 0), "\n";
undef $t;
print "still: ", (defined $wt ? $wt->{k} : 'undef'), "\n";

{
    no warnings;
    use builtin qw(weaken is_weak);
    my $x = [9];
    my $y = $x;
    weaken($y);
    print "builtin: ", (is_weak($y) ? 1 : 0), "\n";
}
# Storable keeps weak references weak.
use Storable qw(dclone freeze thaw);
my $tree = { name => 'p', kids => [] };
for my $n (1 .. 2) {
    my $k = { name => "k$n", parent => $tree };
    weaken($k->{parent});
    push @{ $tree->{kids} }, $k;
}
my $clone = dclone($tree);
print "dclone: ", join(",", map { isweak($_->{parent}) ? "w" : "s" } @{ $clone->{kids} }), " ",
    ($clone->{kids}[0]{parent} == $clone ? "same" : "diff"), "\n";
my $th = thaw(freeze($tree));
print "thaw: ", join(",", map { isweak($_->{parent}) ? "w" : "s" } @{ $th->{kids} }), " ",
    $th->{kids}[0]{parent}{kids}[1]{name}, "\n";
my $lone = dclone($tree->{kids}[0]);
print "lone parent: ", (defined $lone->{parent} ? "kept" : "freed"), " ", (isweak($lone->{parent}) ? 1 : 0), "\n";
print "done\n";
