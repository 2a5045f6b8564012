# Pod::Usage: pod2usage with -verbose 1 (NOEXIT) and -exitval 2.
use strict; use warnings;
use Getopt::Long; use Pod::Usage;
my $help = 1;
pod2usage(-verbose => 1, -exitval => 'NOEXIT', -output => \*STDOUT) if $help;
print "after\n";
pod2usage(-msg => "bad args", -exitval => 2, -verbose => 0, -output => \*STDOUT);
__END__

=head1 NAME

pu - test

=head1 SYNOPSIS

pu [options] files

=head1 OPTIONS

=over 4

=item B<--help>

Print help.

=back

=cut
