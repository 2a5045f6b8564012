# Method calls, accessors and inheritance.
use strict;
use warnings;

my $N = 800_000;

package Shape;
sub new { my ($class, %a) = @_; bless {%a}, $class }
sub name { $_[0]{name} }
sub area { 0 }
sub scale { my ($s, $f) = @_; $s->{k} = ($s->{k} // 1) * $f; $s }
sub describe { my $s = shift; $s->name . ":" . int($s->area) }

package Rect;
our @ISA = ('Shape');
sub w { $_[0]{w} }
sub h { $_[0]{h} }
sub area { my $s = shift; $s->w * $s->h * ($s->{k} // 1) }

package Square;
our @ISA = ('Rect');
sub h { $_[0]->w }

package Circle;
our @ISA = ('Shape');
sub r { $_[0]{r} }
sub area { my $s = shift; 3.14159 * $s->r ** 2 * ($s->{k} // 1) }

package main;
my @shapes = map { $_ % 3 == 0 ? Rect->new(name => "r", w => $_ % 7 + 1, h => $_ % 5 + 1) : $_ % 3 == 1 ? Square->new(name => "s", w => $_ % 9 + 1) : Circle->new(name => "c", r => $_ % 4 + 1) } 1 .. 1000;
my $total = 0;
my $len = 0;
for my $i (1 .. $N) {
    my $s = $shapes[$i % @shapes];
    $total += $s->area;
    $len += length $s->describe if $i % 10 == 0;
    $s->scale(1) if $i % 100 == 0;
}
printf "total area %.2f described %d\n", $total, $len;
