# eval STRING: syntax errors, runtime errors, return values, $@ text, nesting, scoping.
use strict;
use warnings;

my @codes = (
    '1 +',
    'my $x = ;',
    'foo(',
    '"unterminated',
    '$x = 1;',
    'if (1) { 1',
    '1;}',
    'sub { ',
    'my ($a, $b) = (1, 2); $a + $b',
    'die "runtime\n"',
    '1 / 0',
    'undefined_function_xyz()',
    'my @a = (1,2,3); scalar @a',
    'return 7; 8',
    '',
    'BEGIN { die "in begin\n" }',
);
for my $c (@codes) {
    my $r = eval $c;
    my $e = $@;
    $e =~ s/\(eval \d+\)/(eval N)/g;
    print "code: [$c]\n";
    print "  result: ", (defined $r ? $r : "undef"), "\n";
    print "  error: $e" if $e;
    print "  no error\n" unless $e;
}

# lexical visibility in string eval
my $outer = 10;
my $got = eval '$outer * 2';
print "sees lexical: $got\n";
eval '$outer = 99';
print "modified: $outer\n";

# nested string eval
my $nested = eval q{ eval q{ 1 + 2 } * 10 };
print "nested: $nested\n";

# eval string defining a sub
eval 'sub dyn_add { return $_[0] + $_[1] } 1' or die $@;
print "dyn sub: ", dyn_add(3, 4), "\n";

# eval with syntax error does not kill the program, $@ is a string with line
eval "1 +\n\n2 +";
(my $m = $@) =~ s/\(eval \d+\)/(eval N)/g;
print "multi-line err: $m";

# warnings inside eval string go to STDERR
local $SIG{__WARN__} = sub { my $w = shift; $w =~ s/\(eval \d+\)/(eval N)/g; print "warned: $w" };
eval 'my $u; my $v = $u + 1; 1';
eval 'warn "explicit\n"; 1';

# #line directive in eval string
eval "#line 100 \"fake.pl\"\ndie 'at fake'";
print "line directive: $@";

# eval block vs string in list context
my @vals = eval '(4, 5, 6)';
print "list: @vals\n";
my $cnt = () = eval '(4, 5, 6)';
print "count: $cnt\n";

# $@ after successful eval string is empty string
eval '1';
print "empty: [", $@, "] defined: ", (defined $@ ? 1 : 0), "\n";
