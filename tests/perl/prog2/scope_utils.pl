#!/usr/bin/perl
# Dynamic vs lexical scope, wantarray-aware utilities, local on hash
# elements and special variables, string helpers.
use strict;
use warnings;

our $depth = 0;
our %config = (verbose => 0, indent => '  ');
sub trace {
    my $msg = shift;
    print $config{indent} x $depth, $msg, "\n" if $config{verbose};
}
sub walk {
    my ($tree, $name) = @_;
    local $depth = $depth + 1;
    trace("enter $name");
    my $sum = $tree->{value};
    $sum += walk($tree->{kids}{$_}, $_) for sort keys %{ $tree->{kids} || {} };
    trace("leave $name = $sum");
    return $sum;
}
my $tree = { value => 1, kids => { a => { value => 2, kids => { c => { value => 4 } } }, b => { value => 3 } } };
print "quiet total: ", walk($tree, 'root'), "\n";
{
    local $config{verbose} = 1;
    local $config{indent} = '. ';
    print "verbose total: ", walk($tree, 'root'), "\n";
}
print "after: verbose=$config{verbose} depth=$depth indent='$config{indent}'\n";

sub minmax {
    my @s = sort { $a <=> $b } @_;
    return unless @s;
    return wantarray ? ($s[0], $s[-1]) : "$s[0]..$s[-1]";
}
my @mm = minmax(5, 3, 9, 1);
my $mm = minmax(5, 3, 9, 1);
my @none = minmax();
print "list: @mm, scalar: $mm, empty: ", scalar(@none), "\n";

sub context { return wantarray ? 'list' : defined wantarray ? 'scalar' : 'void' }
my @c = (context(), scalar(context()));
my %h = (k => context());
my $s = context();
print "contexts: @c $h{k} $s ", (context())[0], "\n";

sub with_topic {
    my ($code, @items) = @_;
    my @out;
    for (@items) { push @out, $code->() }
    return @out;
}
$_ = 'outer';
my @r = with_topic(sub { uc }, qw(a b c));
print "topic results: @r, \$_ still '$_'\n";
sub count_vowels { local $_ = shift; return tr/aeiou// }
print "vowels: ", join(',', map { count_vowels($_) } qw(banana sky queue)), " \$_='$_'\n";

my @list = (1 .. 5);
$_ *= 2 for @list;
s/^/n/ for @list;
print "aliased edit: @list\n";
my @copy = map { s/n//r } @list;
print "copy: @copy, orig: @list\n";

{
    local $" = ', ';
    local $, = ' | ';
    local $\ = " <<\n";
    print "joined: @copy", 'second';
}
print "restored: @copy\n";
my $str = 'The rain in Spain stays mainly in the plain';
my @pos;
my $p = -1;
push @pos, $p while ($p = index($str, 'ain', $p + 1)) >= 0;
print "positions of 'ain': @pos; last via rindex: ", rindex($str, 'ain'), "\n";
print "title: ", join(' ', map { ucfirst lc } split / /, uc $str), "\n";
print "padded: [", sprintf('%-12s', 'left'), '] [', sprintf('%12s', 'right'), '] [', sprintf('%05.1f', 3.14159), "]\n";
print "repeat: ", '-=' x 5, "-\n", "lc/uc: \LMiXeD\E \Umixed\E \umixed \lMIXED\n";
