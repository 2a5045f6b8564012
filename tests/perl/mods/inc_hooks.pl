# Code references (and array refs, and objects with INC) in @INC supply
# module source: a filehandle, a reference to a prefix, or nothing.
use strict;
use warnings;

my %sources = (
    'Virtual/One.pm' => "package Virtual::One; sub hello { 'one:' . __FILE__ =~ m{^/loader/0x[0-9a-f]+/Virtual/One\\.pm\$} } 1;",
    'Virtual/Two.pm' => "package Virtual::Two; our \$loaded = 1; 1;",
);
my @asked;
unshift @INC, sub {
    my ($self, $file) = @_;
    push @asked, $file if $file =~ m{^Virtual/};
    return unless exists $sources{$file};
    open my $fh, '<', \$sources{$file} or die;
    return $fh;
};
require Virtual::One;
print Virtual::One::hello(), "\n";
print "INC entry is the hook: ", (ref $INC{'Virtual/One.pm'} eq 'CODE' ? "yes" : "no"), "\n";
require Virtual::Two;
print "two loaded: $Virtual::Two::loaded\n";
require Virtual::One;    # once only
print "asked: @asked\n";

# A prefix reference followed by a handle.
my $rest = "sub answer { 42 } 1;";
push @INC, [ sub {
    my ($self, $file) = @_;
    return unless $file eq 'Virtual/Three.pm';
    open my $fh, '<', \$rest or die;
    return (\"package Virtual::Three; ", $fh);
} ];
require Virtual::Three;
print "three: ", Virtual::Three::answer(), "\n";

# An object with an INC method.
package Loader { sub new { bless {}, shift } sub Loader::INC {
    my ($self, $file) = @_;
    return unless $file eq 'Virtual/Four.pm';
    my $src = "package Virtual::Four; sub v { 4 } 1;";
    open my $fh, '<', \$src or die;
    $fh;
} }
push @INC, Loader->new;
require Virtual::Four;
print "four: ", Virtual::Four::v(), "\n";

eval { require Virtual::Missing };
print "missing: ", ($@ =~ /^Can't locate Virtual\/Missing.pm in \@INC/ ? "dies" : $@), "\n";
