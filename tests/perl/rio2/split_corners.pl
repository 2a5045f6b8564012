# split corner cases: limits, captures, leading/trailing empties, special patterns.
use strict;
use warnings;

sub show { return "[" . join("|", map { defined $_ ? $_ : 'U' } @_) . "] n=" . scalar(@_) }

print show(split /,/, "a,b,,c,,"), "\n";
print show(split /,/, "a,b,,c,,", -1), "\n";
print show(split /,/, "a,b,c,d", 2), "\n";
print show(split /,/, ",a,b"), "\n";
print show(split //, "abc"), "\n";
print show(split //, "abc", 2), "\n";
print show(split /(,)/, "a,b,c"), "\n";
print show(split /(-)|(\+)/, "1-2+3"), "\n";
print show(split ' ', "  leading and   trailing  "), "\n";
print show(split /^/, "l1\nl2\nl3"), "\n";
print show(split /\s*/, " a b c"), "\n";
print show(split /x/, ""), "\n";
print show(split /,/, ",,,"), "\n";
print show(split /,/, ",,,", -1), "\n";
print show(split /(?=b)/, "abab"), "\n";
print show(split /\b/, "hi there"), "\n";
print show(split /(a)(x)?/, "1a2a3"), "\n";

# scalar context split returns count
my $cnt = () = split /:/, "a:b:c";
print "count: $cnt\n";
my $n = split /:/, "x:y:z:w";
print "scalar split: $n\n";

# split with limit 1 returns whole string
print show(split /,/, "a,b,c", 1), "\n";

# split on $_ default
$_ = "one two  three";
my @w = split;
print show(@w), "\n";

# split with string pattern (not single space)
print show(split "\\.", "a.b.c"), "\n";
print show(split '|', "a|b"), "\n";
my $pat = ":";
print show(split $pat, "p:q:r"), "\n";

# split with character class and multi-char separators
print show(split /[;,]\s*/, "a, b;c ,d"), "\n";
print show(split /::/, "A::B::C"), "\n";

# split into hash
my %h = split /[=&]/, "a=1&b=2&c=3";
print join(",", map { "$_=$h{$_}" } sort keys %h), "\n";

# split with limit and captures
print show(split /(=)/, "k=v=w", 2), "\n";

# assigning split to a list of scalars
my ($first, $rest) = split /\s+/, "alpha beta gamma", 2;
print "first=$first rest=$rest\n";
my ($a1, $b1) = split /,/, "x,y,z,w";
print "a=$a1 b=$b1\n";

# split on newline keeping lines, chomp not needed
my $text = "r1\nr2\n\nr4\n";
my @rows = split /\n/, $text;
print show(@rows), "\n";

# split with a single space regex vs ' '
print show(split / /, " a  b"), "\n";
my $sp = ' ';
print show(split $sp, " a  b"), "\n";

# split joined back
print join("-", split(//, "hello")), "\n";
print join(",", reverse split /,/, "1,2,3"), "\n";
# split with /i and /x
print show(split /X/i, "axbXc"), "\n";
print show(split / , /x, "a,b"), "\n";
