# do FILE searches @INC (and its hooks) for a relative name, as require
# does, records %INC, and warns when the file is only in the current folder.
use strict;
use warnings;
my $dir = "/tmp/psh_do_inc_$$";
mkdir $dir or die "mkdir: $!";
mkdir "$dir/sub" or die;
open my $fh, '>', "$dir/sub/lib.pl" or die;
print $fh "our \$loaded = (\$loaded // 0) + 1; 'value ' . \$loaded;\n";
close $fh;
{
    local @INC = ($dir, @INC);
    my $r = do "sub/lib.pl";
    print "r=$r inc=", ($INC{"sub/lib.pl"} =~ s/\Q$dir\E/DIR/r), "\n";
    $r = do "sub/lib.pl";
    print "again r=$r\n";
}
my $r = do "sub/lib.pl";
print defined $r ? "found\n" : "not found: $!\n";

chdir $dir or die;
$r = do "sub/lib.pl";
print defined $r ? "found\n" : "not found\n";
$r = do "./sub/lib.pl";
print "dot r=$r\n";
{
    no warnings;
    $r = do "sub/lib.pl";
    print defined $r ? "found\n" : "quietly not found\n";
}

# An @INC hook answers do FILE too.
{
    local @INC = (sub {
        my ($self, $name) = @_;
        return unless $name eq 'virtual.pl';
        my $src = "6 * 7;\n";
        return \$src;
    });
    my $v = do "virtual.pl";
    print "hook gave $v, INC is a ", ref $INC{"virtual.pl"}, "\n";
}
chdir "/";
unlink "$dir/sub/lib.pl";
rmdir "$dir/sub";
rmdir $dir;
