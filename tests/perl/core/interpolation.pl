# String interpolation of scalars, arrays, elements, slices, expressions.
use strict;
use warnings;

my $name = "World";
my @arr = (1, 2, 3);
my %h = (key => "value", 'two words' => 2);
my $ref = { list => [10, 20, 30], h => { x => 'X' } };
my $aref = \@arr;
print "scalar: Hello, $name!\n";
print "braced: ${name}wide\n";
print "array: @arr\n";
print "array elem: $arr[0] $arr[-1] $arr[$#arr] $arr[1+1]\n";
print "slice: @arr[0,1] @arr[1..2]\n";
print "hash elem: $h{key} $h{'key'} $h{\"key\"} $h{'two words'}\n";
print "hash slice: @h{'key','two words'}\n";
print "ref: $ref->{list}[1] $ref->{list}->[2] $$ref{h}{x} @{$ref->{list}}\n";
print "aref: $$aref[0] ${$aref}[1] $aref->[2] @$aref @{$aref}[0,1]\n";
print "expression: @{[ 1 + 2 ]} @{[ map { $_ * 2 } @arr ]} ${\ scalar(@arr)}\n";
print "method-like text: $name->method is not a call\n";
print "email: user\@example.com\n";
{
    local $" = ", ";
    print "separator: @arr\n";
    local $" = "";
    print "empty separator: @arr\n";
}
print "not interpolated: \$name \@arr\n";
print 'single: $name @arr\n', "\n";
print "special: $0 is the script\n" =~ s/\S+\.pl/SCRIPT/r;
print "length: ${\ length($name)}\n";
my $i = 1;
print "index expr: $arr[$i] $arr[$i - 1] $arr[-$i]\n";
print "trailing: $name.\n";
print "colons: $name: and ${name}::x\n";
print "brackets after: $name\[0] $name\{x}\n";
my @empty = ();
print "empty array: [@empty]\n";
my $undef_safe = "x";
print "concat in string: " . $name . "-" . @arr . "\n";
print "nested quotes: @{[ join '/', map { qq{<$_>} } @arr ]}\n";
my $obj = { name => "obj" };
print "arrow chain: $obj->{name}s\n";
my @nested = ([1, 2], [3, 4]);
print "nested: $nested[1][0] $nested[1]->[1]\n";
print "neg idx in string: $nested[-1][-1]\n";
my $str = "abc";
print "dollar at end: cost \$5 and 100%\n";
print "pound/hash char: $str#not comment\n";
my %deep = (a => { b => [5, 6] });
print "deep: $deep{a}{b}[1]\n";
print "sprintf in interp: @{[ sprintf '%05.1f', 3.14159 ]}\n";
my $n = 3;
print "arithmetic not done: $n+1\n";
print "multiline
string with $name
";
my $text = qq{braces {nested} $name};
print "$text\n";
print qq(parens (nested) $arr[0]), "\n";
print "chained method-ish: @{[ scalar reverse $name ]}\n";
