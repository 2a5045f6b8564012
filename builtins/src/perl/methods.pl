# Methods of the record classes that are plain Perl: they only combine
# what Perl already does with a record's keys.
package PSH::File;

# $file->open(MODE): a filehandle on the file's path, opened with MODE
# ('<' when not given); undef with $! set when it cannot be opened.
sub open {
    my ($self, $mode) = @_;
    $mode = '<' unless defined $mode;
    CORE::open(my $fh, $mode, $self->{path}) or return undef;
    return $fh;
}

1;
