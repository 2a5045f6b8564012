# Methods generated via typeglobs, SUPER::new chains, class data, package blocks.
use strict;
use warnings;

package Shape {
    our $VERSION = '1.02';
    my %count;
    for my $field (qw(name color)) {
        no strict 'refs';
        *{"Shape::$field"} = sub { my $s = shift; $s->{$field} = shift if @_; $s->{$field} };
    }
    sub new {
        my ($class, %args) = @_;
        my $self = bless { name => 'shape', color => 'none', %args }, ref($class) || $class;
        $count{ ref $self }++;
        return $self;
    }
    sub count { my $class = shift; $count{ ref($class) || $class } // 0 }
    sub area { 0 }
    sub describe { my $s = shift; sprintf "%s %s with area %.2f", $s->color, $s->name, $s->area }
}

package Circle {
    use parent -norequire, 'Shape';
    sub new {
        my ($class, %args) = @_;
        my $self = Shape::new($class, name => 'circle', %args);
        $self->{r} //= 1;
        return $self;
    }
    sub area { 3.14159265 * $_[0]{r} ** 2 }
}

package Rect {
    use parent -norequire, 'Shape';
    sub new {
        my ($class, %args) = @_;
        my $self = $class->SUPER::new(name => 'rect', %args);
        return $self;
    }
    sub area { $_[0]{w} * $_[0]{h} }
}

package Square {
    use parent -norequire, 'Rect';
    sub new { my ($class, %args) = @_; my $s = $class->SUPER::new(w => $args{side}, h => $args{side}, %args); $s->name('square'); $s }
}

package main;
my @shapes = (Circle->new(r => 2, color => 'red'), Rect->new(w => 2, h => 3, color => 'blue'), Square->new(side => 4), Circle->new);
print $_->describe, "\n" for @shapes;
print "counts: ", join(" ", map { "$_=" . $_->count } qw(Shape Circle Rect Square)), "\n";
my $clone = $shapes[0]->new(r => 3);
print "new via object: ", ref($clone), " ", $clone->describe, "\n";
print "VERSION: ", Shape->VERSION, " $Shape::VERSION\n";
print "version check ok\n" if eval { Shape->VERSION(1.01); 1 };
print "version too high: ", (eval { Shape->VERSION(2); 1 } ? "ok" : "failed"), "\n";
my @sorted = sort { $a->area <=> $b->area } @shapes;
print "by area: ", join(", ", map { $_->name } @sorted), "\n";
# method resolution with string method names built at runtime
for my $m (qw(name color area)) {
    print "$m: ", join(",", map { my $v = $_->$m; $v =~ /^\d/ ? sprintf("%.1f", $v) : $v } @shapes), "\n";
}
# can() with generated methods and calling through the returned ref
my $getter = Square->can('color');
print "generated via can: ", $getter->($shapes[1]), "\n";
# class methods vs instance methods
print "class->area: ", Shape->area, "\n";
# stringified class names from ref
my %by_class;
push @{ $by_class{ ref $_ } }, $_ for @shapes;
print "grouped: ", join(" ", map { "$_:" . scalar(@{ $by_class{$_} }) } sort keys %by_class), "\n";
