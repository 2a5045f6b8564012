# `use base` of a class that declares fields (the fields pragma): psh's
# base is native, and this is the part of it that the fields data needs.
package base;

# The derived class takes over the base's fields at the same indices:
# public and protected ones into its %FIELDS, private ones only as
# (private, inherited) attributes.
sub _psh_inherit_fields {
    my ($derived, $base) = @_;
    my $battr = $fields::attr{$base} ||= [1];
    my $dattr = $fields::attr{$derived} ||= [1];
    my $dfields = \%{"${derived}::FIELDS"};
    my $bfields = \%{"${base}::FIELDS"};
    $dattr->[0] = scalar @$battr;
    if (%$dfields) {
        warn "$derived is inheriting from $base but already has its own fields!\n"
            . "This will cause problems.  Be sure you use base BEFORE declaring fields.\n";
    }
    my ($private, $inherited) = (2, 4);
    for my $name (keys %$bfields) {
        my $slot = $bfields->{$name};
        my $have = $dfields->{$name};
        if ($have && $have != $slot) {
            require Carp;
            Carp::croak("Inherited fields can't override existing fields");
        }
        if ($battr->[$slot] & $private) {
            $dattr->[$slot] = $private | $inherited;
        }
        else {
            $dattr->[$slot] = $inherited | $battr->[$slot];
            $dfields->{$name} = $slot;
        }
    }
    for my $i (1 .. $#$battr) {
        $dattr->[$i] = $battr->[$i] & $inherited unless defined $dattr->[$i];
    }
}

1;
