# /g in scalar context, pos(), \G, /gc lexers, while loops over matches.
use strict;
use warnings;

my $s = "aXbXcX";
while ($s =~ /(\w)X/g) {
    print "found $1 ending at ", pos($s), "\n";
}
print "pos after loop: ", defined pos($s) ? pos($s) : "undef", "\n";
$s =~ /X/g;
print "pos after one: ", pos($s), "\n";
pos($s) = 0;
$s =~ /X/g;
print "pos reset then: ", pos($s), "\n";
$s =~ /nomatch/g;
print "failed match resets pos: ", defined pos($s) ? pos($s) : "undef", "\n";
$s =~ /X/g;
$s =~ /nomatch/gc;
print "failed /gc keeps pos: ", pos($s), "\n";

# \G anchored lexer with /gc
my $input = "let x = 42 + y1 * (3 - 1);";
my @tokens;
pos($input) = 0;
while (pos($input) < length $input) {
    if    ($input =~ /\G\s+/gc)           { next }
    elsif ($input =~ /\G(let)\b/gc)       { push @tokens, "KW($1)" }
    elsif ($input =~ /\G([A-Za-z_]\w*)/gc) { push @tokens, "ID($1)" }
    elsif ($input =~ /\G(\d+)/gc)         { push @tokens, "NUM($1)" }
    elsif ($input =~ /\G([-+*\/=();])/gc) { push @tokens, "OP($1)" }
    else { die "lex error at " . pos($input) }
}
print "tokens: @tokens\n";

# \G without /c after failure
my $t = "112233abc";
my @pairs;
while ($t =~ /\G(\d\d)/g) { push @pairs, $1 }
print "pairs: @pairs, pos now ", defined pos($t) ? pos($t) : "undef", "\n";

# list context /g with multiple groups gives flat list
my %kv = "a=1, b=2, c=3" =~ /(\w)=(\d)/g;
print "kv: ", join(",", map { "$_$kv{$_}" } sort keys %kv), "\n";
# overlapping matches via lookahead
my @over = "aaaa" =~ /(?=(aa))/g;
print "overlapping: ", scalar(@over), "\n";
# zero-length matches advance
my @z = "abc" =~ /x*/g;
print "zero-length: ", scalar(@z), "\n";
my $count = 0;
$count++ while "abcabc" =~ /b/g;
print "count by while: $count\n";
# pos on $_ and with foreach
for ("one two three") {
    my @w;
    while (/(\w+)/g) { push @w, "$1\@" . pos }
    print "words with pos: @w\n";
}
# scalar /g across different strings is independent
my ($x, $y) = ("a1a2", "b1b2b3");
$x =~ /\d/g;
$y =~ /\d/g;
$y =~ /\d/g;
print "independent pos: ", pos($x), " ", pos($y), "\n";
# modifying the string resets pos
my $m = "aaa";
$m =~ /a/g;
$m = "bbb";
print "assign resets pos: ", defined pos($m) ? pos($m) : "undef", "\n";
# /g match in list context ignores and then resets pos
my $l = "x1x2x3";
$l =~ /x/g;
my @all = $l =~ /(\d)/g;
print "list /g from pos: @all, after: ", defined pos($l) ? pos($l) : "undef", "\n";
# simple tokenizer returning pairs
sub tokenize {
    my $src = shift;
    my @out;
    for ($src) {
        while (1) {
            if (/\G\s*(\d+(?:\.\d+)?)/gc) { push @out, [num => $1] }
            elsif (/\G\s*([a-z]+)/gc) { push @out, [word => $1] }
            elsif (/\G\s*(\S)/gc) { push @out, [sym => $1] }
            else { last }
        }
    }
    return @out;
}
print "tokenize: ", join(" ", map { "$_->[0]:$_->[1]" } tokenize("sum 3.5 + x2 !")), "\n";
