# local(*F) = *F inside a sub (the old idiom for passing a filehandle):
# F stays the caller's handle, so what the sub opens outlives it; a plain
# local *F gives a fresh, unopened handle that is restored afterwards.
use strict;
use warnings;
my $file = "/tmp/psh_local_glob_$$.txt";
open(F, '>', $file) or die "open: $!";
print F "line one\nline two\n";
close F or die "close: $!";
sub open_it {
    local(*F) = @_;
    open(F, '<', $file) or die "reopen: $!";
    print "eof inside: ", (eof(F) ? 1 : 0), "\n";
}
open_it(*F);
my $first = <F>;
print "read after: $first";
close F or die "close after: $!";
sub fresh {
    local *F;
    print "fresh F opened: ", (defined fileno(F) ? 1 : 0), "\n";
}
open(F, '<', $file) or die;
fresh();
print "restored F opened: ", (defined fileno(F) ? 1 : 0), "\n";
close F;
unlink $file;
