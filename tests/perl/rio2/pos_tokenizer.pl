# pos(), \G, /gc lexer loops, pos reset semantics.
use strict;
use warnings;

sub tokenize {
    my ($src) = @_;
    my @toks;
    for ($src) {
        while (1) {
            if (/\G\s+/gc) { next }
            if (/\G(\d+(?:\.\d+)?)/gc) { push @toks, "NUM($1)"; next }
            if (/\G([A-Za-z_]\w*)/gc) { push @toks, "ID($1)"; next }
            if (/\G("(?:[^"\\]|\\.)*")/gc) { push @toks, "STR($1)"; next }
            if (/\G(==|!=|<=|>=|[-+*\/=<>();])/gc) { push @toks, "OP($1)"; next }
            if (/\G\z/gc) { last }
            if (/\G(.)/gcs) { push @toks, "ERR($1)"; next }
        }
    }
    return @toks;
}

print join(" ", tokenize('x = 3.14 * (y + 42);')), "\n";
print join(" ", tokenize('if (a >= "s\"q") b != 1 @')), "\n";

# pos values during //g in scalar context
my $s = "aXbXc";
while ($s =~ /X/g) {
    print "found X at ", pos($s) - 1, ", pos=", pos($s), "\n";
}
print "pos after loop: ", (defined pos($s) ? pos($s) : "undef"), "\n";

# /gc keeps pos on failure
my $t = "abc123";
$t =~ /[a-z]+/g;
print "pos1: ", pos($t), "\n";
$t =~ /[a-z]+/gc;
print "pos after failed gc: ", pos($t), "\n";
$t =~ /[a-z]+/g;
print "pos after failed g: ", (defined pos($t) ? pos($t) : "undef"), "\n";

# assigning pos
my $u = "0123456789";
pos($u) = 5;
$u =~ /\G(\d\d)/g;
print "from 5: $1 pos=", pos($u), "\n";
pos($u) = undef;
print "reset: ", (defined pos($u) ? "def" : "undef"), "\n";

# pos on $_ by default
$_ = "aaa";
/a/g;
/a/g;
print "pos \$_: ", pos, "\n";

# modifying the string resets pos
my $v = "xyz";
$v =~ /x/g;
$v = "xyz";
print "after assign: ", (defined pos($v) ? pos($v) : "undef"), "\n";

# \G without /g
my $w = "key=value";
pos($w) = 4;
if ($w =~ /\G(\w+)/) { print "G no g: $1\n" }

# list context //g ignores then resets pos
my $l = "1,2,3";
my @nums = $l =~ /(\d)/g;
print "nums: @nums pos=", (defined pos($l) ? pos($l) : "undef"), "\n";

# zero-length match advancement
my $z = "abc";
my @zs;
while ($z =~ /(?=(\w))/g) { push @zs, "$1@" . pos($z) }
print "zero: @zs\n";
my $count = () = "aaa" =~ /a*?/g;
print "lazy empty count: $count\n";

# pos with negative offset assignment
my $neg = "abcdef";
pos($neg) = -2;
print "neg pos: ", pos($neg), "\n";
$neg =~ /\G(.)/g;
print "after neg: $1\n";

# parsing key=value pairs with \G and anchors
my $q = "a=1,b=2,c=3";
my %kv;
while ($q =~ /\G(\w)=(\d),?/gc) { $kv{$1} = $2 }
print "kv: ", join(" ", map {"$_$kv{$_}"} sort keys %kv), " end=", pos($q), "\n";
