# local, our, state, package variables and dynamic scope.
use strict;
use warnings;
use feature 'state';

our $level = "global";
sub show_level { return $level }
sub with_local { local $level = "localized"; return show_level() }
print "dynamic: ", with_local(), " after: ", show_level(), "\n";
sub nested_local {
    local $level = "outer";
    my @seen = (show_level());
    {
        local $level = "inner";
        push @seen, show_level();
    }
    push @seen, show_level();
    return "@seen";
}
print "nested: ", nested_local(), " final: $level\n";

our @stack = (1, 2, 3);
sub sum_stack { my $t = 0; $t += $_ for @stack; $t }
sub local_array { local @stack = (10, 20); sum_stack() }
print "local array: ", local_array(), " restored: ", sum_stack(), "\n";
our %config = (mode => "prod");
sub mode { $config{mode} }
sub test_mode { local $config{mode} = "test"; mode() }
print "local hash elem: ", test_mode(), " ", mode(), "\n";
sub del_local { delete local $config{mode}; exists $config{mode} ? "exists" : "gone" }
print "delete local: ", del_local(), " then ", mode(), "\n";
my @arr = (1, 2, 3);
sub local_elem { local $arr[1] = "L"; "@arr" }
# local on lexical array element is allowed
print "local lexical elem: ", local_elem(), " -> @arr\n";

# local $_ and special vars
for (1 .. 2) {
    local $_ = "changed";
}
$_ = "outer";
sub uses_underscore { local $_ = "inner"; s/inner/INNER/; $_ }
print "local \$_: ", uses_underscore(), " $_\n";
{
    local $, = ",";
    local $\ = "\n";
    print "a", "b", "c";
}
print "no sep", "\n";

# our in different packages
package Foo;
our $name = "foo's";
sub get { $name }
package main;
our $name = "main's";
print "our per package: $Foo::name $main::name ", Foo::get(), " $name\n";
{
    package Foo;
    print "inside Foo block: $name\n";
}
print "fully qualified assignment: ", do { $Foo::other = 5; $Foo::other }, "\n";

# state variables
sub counter { state $n = 0; return ++$n }
counter() for 1 .. 4;
print "state counter: ", counter(), "\n";
sub state_list { state @seen; push @seen, shift; scalar @seen }
state_list($_) for qw(a b c);
print "state array: ", state_list("d"), "\n";
sub state_init { state $x = do { print "init once\n"; 42 }; $x }
state_init() for 1 .. 3;
my @closures = map { sub { state $k = 0; ++$k } } 1 .. 2;
$closures[0]->() for 1 .. 3;
print "state per closure: ", $closures[0]->(), " ", $closures[1]->(), "\n";

# my in conditions and loop scoping
my $x = "outer x";
if ((my $y = 5) > 3) { print "my in condition: $y\n" }
for my $x (1 .. 2) { }
print "loop var scoped: $x\n";
my $shadow = 1;
{
    my $shadow = 2;
    print "shadowed: $shadow\n";
}
print "unshadowed: $shadow\n";
# string eval sees lexicals
my $lex = "lexical";
print "eval sees: ", eval('$lex . "!"'), "\n";
# local on special: $/
{
    local $/ = undef;
    print "slurp mode: ", defined $/ ? "def" : "undef", "\n";
}
print "restored \$/: ", ($/ eq "\n" ? "newline" : "other"), "\n";
# typeglob alias
our @alias_target = (1, 2);
{
    no strict;
    *alias = \@alias_target;
    push @alias, 3;
}
print "glob alias: @alias_target\n";
