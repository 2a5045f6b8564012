# use base on a package defined in the same file with nothing but its mro
# (no file to load), next::method from anonymous subs inside a method, and
# base's error for a package that is empty and has no file.
use strict;
use warnings;
{
    package T::O;
    use mro 'c3';
    package T::A;
    use base 'T::O';
    use mro 'c3';
    sub hello { 'A::hello' }
    package T::B;
    use base 'T::A';
    use mro 'c3';
    sub hello {
        my $code = sub { 'B > ' . (shift)->next::method() };
        return (shift)->$code;
    }
}
print T::B->hello, "\n";
print join(",", @{ mro::get_linear_isa('T::B') }), "\n";
eval q{ package T::C; use base 'No::Such::Pkg'; 1 } or print((split /\n/, $@)[0], "\n");
