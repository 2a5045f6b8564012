# getpwnam/getpwuid/getgrnam/getgrgid in list and scalar context, a missing user
my @pw = getpwnam("root"); print scalar(@pw), " [@pw[0,2,3,7,8]]\n";
my @u = getpwuid(0); print "$u[0] $u[7]\n";
my @g = getgrgid(0); print "$g[0] $g[2]\n";
print scalar(getpwuid(0)), " ", scalar(getpwnam("root")), " ", scalar(getgrnam("root")), " ", scalar(getgrgid(0)), "\n";
print defined(getpwnam("no_such_user_xyz")) ? "def\n" : "undef\n";
my ($name) = getpwuid($<); print length($name) > 0 ? "have name\n" : "no name\n";
