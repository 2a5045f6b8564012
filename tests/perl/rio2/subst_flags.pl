# s/// with /e, /ee, /r, /g, nested and function-call replacements.
use strict;
use warnings;

my $s = "a1b2c3";
(my $t = $s) =~ s/(\d)/$1*2/eg;
print "e: $t\n";

my $r = $s =~ s/\d//gr;
print "r: $r orig: $s\n";

my @list = map { s/^\s+|\s+$//gr } ("  x ", "y  ", " z");
print "map r: [", join("][", @list), "]\n";

# chained /r
print "chain: ", ("hello world" =~ s/o/0/gr =~ s/l/1/gr), "\n";

# count of substitutions
my $c = (my $u = "aaa") =~ s/a/b/g;
print "count: $c $u\n";
my $none = (my $v = "xyz") =~ s/q/w/g;
print "none: '", $none, "' ", ($none eq "" ? "empty" : "nonempty"), "\n";

# /ee evaluates the result string
my %vars = (name => "World");
my $tmpl = 'Hello, $vars{name}!';
my $expr = '"<$1>"';
(my $w = "abc") =~ s/(b)/$expr/ee;
print "ee: $w\n";
(my $x = "2+3 and 4*5") =~ s/(\d+[-+*]\d+)/$1/gee;
print "ee arith: $x\n";

# /e with a block of statements
my $n = 0;
(my $y = "x x x") =~ s/x/{ $n++; "x$n" }/ge;
print "block e: $y\n";

# /e calling a sub and using sprintf
sub up { return uc shift }
(my $z = "foo bar") =~ s/(\w+)/up($1)/ge;
print "sub: $z\n";
(my $hex = "10 255 16") =~ s/(\d+)/sprintf("0x%02x", $1)/ge;
print "hex: $hex\n";

# replacement with special chars and escapes
(my $p = "a.b.c") =~ s/\./\\/g;
print "backslash: $p\n";
(my $q = "path/to/file") =~ s{/}{::}g;
print "braces: $q\n";
(my $q2 = "aXbXc") =~ s(X)(-)g;
print "parens: $q2\n";
(my $case = "hello world") =~ s/(\w+)/\u$1/g;
print "ucfirst: $case\n";
(my $case2 = "Hello World") =~ s/(\w+) (\w+)/\U$1\E $2/;
print "U..E: $case2\n";
(my $case3 = "ABC def") =~ s/(\w+)/\L$1/;
print "L: $case3\n";

# s///g with zero-width matches
(my $zw = "abc") =~ s//-/g;
print "empty-ish: $zw\n";
(my $zw2 = "abc") =~ s/x*/-/g;
print "x*: $zw2\n";
(my $zw3 = "abc") =~ s/\b/|/g;
print "boundary: $zw3\n";

# substitution on $_ in for loop modifies array
my @arr = qw(apple banana cherry);
s/a/A/g for @arr;
print "arr: @arr\n";

# s/// returns 1 (not count) without /g
my $one = (my $m = "aaaa") =~ s/a/b/;
print "no g: $one $m\n";

# /r on a constant
print "const r: ", "literal" =~ s/l/L/gr, "\n";

# $& and captures inside replacement
(my $amp = "cat dog") =~ s/\w+/<$&>/g;
print "amp: $amp\n";

# nested /e with inner s///r
(my $nest = "a-b c-d") =~ s/(\S+)/ $1 =~ s!-!+!r /ge;
print "nested: $nest\n";

# /e with ternary
(my $tern = "1 2 3 4") =~ s/(\d)/$1 % 2 ? "odd" : "even"/ge;
print "tern: $tern\n";
# s with /m and /s
(my $ml = "a\nb\nc") =~ s/^/> /mg;
print "$ml\n";
(my $ds = "a\nb") =~ s/a.b/X/s;
print "s flag: $ds\n";
