# *glob{THING}: references to the slots of a typeglob, and its name parts.
use strict;
use warnings;

our @list = (1, 2, 3);
our %conf = (mode => 'fast', level => 2);
our $count = 5;
sub greet { return "hello @_" }

print ref(*list{ARRAY}), " ", scalar(@{ *list{ARRAY} }), "\n";
print ref(*conf{HASH}), " ", join(",", map { "$_=$conf{$_}" } sort keys %{ *conf{HASH} }), "\n";
print ref(*greet{CODE}), " ", *greet{CODE}->("world"), "\n";
print ${ *count{SCALAR} }, " ", *list{NAME}, " ", *list{PACKAGE}, "\n";
print defined(*missing{CODE}) ? "code" : "no code", "\n";
{
    no strict 'refs';
    print defined(*{"main::greet"}{CODE}) ? "found" : "absent", "\n";
    my $g = \*conf;
    print join(",", sort keys %{ *{$g}{HASH} }), "\n";
}
# Writing through a slot reference changes the variable.
${ *count{SCALAR} } = 9;
push @{ *list{ARRAY} }, 4;
print "$count @list\n";
package Other;
our @things = ('x');
print *things{PACKAGE}, "::", *things{NAME}, " ", scalar @{ *things{ARRAY} }, "\n";
