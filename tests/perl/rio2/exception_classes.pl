# Exception classes with ->throw, rethrow, isa dispatch, nested eval, $@ propagation.
use strict;
use warnings;

package MyError;
sub new {
    my ($class, %args) = @_;
    return bless { message => $args{message} || 'unknown', code => $args{code} || 0 }, $class;
}
sub throw { my $class = shift; die $class->new(@_) }
sub message { $_[0]{message} }
sub code { $_[0]{code} }
sub stringify { my $s = shift; return ref($s) . ": " . $s->message }

package NotFound;
our @ISA = ('MyError');

package Denied;
use parent -norequire, 'MyError';
sub message { my $s = shift; return "denied(" . $s->SUPER::message() . ")" }

package main;

sub risky {
    my $what = shift;
    NotFound->throw(message => "no $what", code => 404) if $what eq 'file';
    Denied->throw(message => "for $what", code => 403) if $what eq 'secret';
    die "plain error with $what\n" if $what eq 'plain';
    die { code => 500 } if $what eq 'hash';
    die [1, 2, 3] if $what eq 'array';
    return "ok $what";
}

for my $w (qw(file secret plain hash array fine)) {
    my $res = eval { risky($w) };
    if (my $err = $@) {
        if (ref $err && ref $err ne 'HASH' && ref $err ne 'ARRAY' && $err->isa('NotFound')) {
            print "NotFound: ", $err->message, " (", $err->code, ")\n";
        } elsif (ref $err && eval { $err->isa('MyError') }) {
            print "MyError subclass ", ref($err), ": ", $err->message, "\n";
        } elsif (ref $err eq 'HASH') {
            print "hash error code $err->{code}\n";
        } elsif (ref $err eq 'ARRAY') {
            print "array error: @$err\n";
        } else {
            print "string error: $err";
        }
    } else {
        print "result: $res\n";
    }
}

# rethrow from nested eval
my $r = eval {
    eval { NotFound->throw(message => "inner") };
    print "inner caught: ", ref($@), "\n";
    die $@ if ref $@;
    1;
};
print "outer got: ", ref($@), " ", $@->message, " r=", (defined $r ? $r : "undef"), "\n";

# $@ cleared on successful eval
eval { die "x\n" };
eval { 1 };
print "cleared: '", $@, "'\n";

# eval returning list and value of last statement
my @l = eval { (1, 2, 3) };
print "list: @l\n";
my $v = eval { 42 };
print "value: $v\n";

# die with object that has no newline - no location appended
eval { die MyError->new(message => "obj") };
print "obj ref: ", ref($@), "\n";

# die appends location for strings without newline
eval { die "no newline" };
print "loc: $@";
eval { die "with newline\n" };
print "nl: $@";

# die with empty string / no args propagates "Died"
eval { die };
print "empty die: $@";
eval { eval { die "first\n" }; die };
print "reraise: $@";

# exception in a sort block / map
my @out = eval { map { die "bad item $_\n" if $_ == 3; $_ * 2 } 1 .. 5 };
print "map died: $@", "out: @out\n";

# $@ in string eval with die object
my $o = eval "NotFound->throw(message => 'from string'); 1";
print "string eval obj: ", ref($@), " ", $@->message, "\n";

# can/isa on exceptions
print "can code: ", (NotFound->can('code') ? "yes" : "no"), "\n";
print "Denied isa MyError: ", (Denied->isa('MyError') ? 1 : 0), "\n";
