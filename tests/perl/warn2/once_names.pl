# "Name used only once: possible typo" for a package variable.
use warnings;

$Foo::bar = 2;
$twice = 1;
$twice = 2;
our $declared = 3;
$_ = "underscore";
$ENV{X} = 1;
@ARGV = ();
$0 = $0;
print "twice=$twice\n";
print "declared=$declared\n";
sub uses { return $twice }
print uses(), "\n";
print "end\n";
