# Symbol tables as hashes: listing a class's subs, $Pkg::{name} globs,
# constants and aliases installed through the stash, nested packages.
use strict;
use warnings;
package Animal;
our $VERSION = '1.0';
sub new { bless {}, shift }
sub speak { 'generic' }
sub legs { 4 }
package Animal::Dog;
our @ISA = ('Animal');
sub speak { 'woof' }
package main;
no strict 'refs';
for my $class (qw(Animal Animal::Dog)) {
    my @subs = sort grep { defined &{"${class}::$_"} } keys %{"${class}::"};
    print "$class subs: @subs\n";
}
print "nested: ", (exists $Animal::{'Dog::'} ? "yes" : "no"), "\n";
print "glob: ", *{$Animal::{speak}}{CODE}->(), "\n";
print "has VERSION: ", (exists $Animal::{VERSION} ? 1 : 0), " missing: ", (exists $Animal::{nothing} ? 1 : 0), "\n";
$main::{bark} = \&Animal::Dog::speak;
print "alias: ", bark(), "\n";
*{"Animal::Dog::wag"} = sub { 'wags' };
print "installed: ", Animal::Dog->new->wag, "\n";
my %seen = map { $_ => 1 } keys %main::;
print "main has Animal:: ", ($seen{'Animal::'} ? 1 : 0), ", bark ", ($seen{bark} ? 1 : 0), "\n";
